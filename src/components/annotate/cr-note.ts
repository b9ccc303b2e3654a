import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

let toHtml: ((md: string) => string) | undefined;
let loading: Promise<void> | undefined;
const load = () => (loading ??= import('../../corpus/note.ts').then((m) => void (toHtml = m.noteToHtml)));
// Loaded once the page is idle: a note saved later shows formatted at once, not as Markdown first.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void load().catch(() => {}));

/**
 * A note in light Markdown, shown as sanitized HTML. The Markdown pipeline loads apart from the
 * app; until it is there (and if it fails) the note shows as plain text, which is always inert.
 */
@customElement('cr-note')
export class CrNote extends LitElement {
  static override styles = css`
    :host { display: block; font: 0.9rem/1.5 var(--cr-sans); color: var(--cr-ink); overflow-wrap: anywhere; }
    p { margin: 0 0 0.4em; }
    p:last-child { margin-bottom: 0; }
    .plain { white-space: pre-wrap; }
    a { color: var(--cr-link); }
    code { font-family: var(--cr-mono); font-size: 0.9em; }
    blockquote { margin: 0.3em 0; padding-left: 0.6em; border-left: 2px solid var(--cr-rule); }
    ul, ol { margin: 0.2em 0; padding-left: 1.3em; }
  `;

  /** The note's Markdown source. */
  @property() accessor text = '';
  @state() private accessor html: string | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('text')) return;
    const text = this.text;
    this.html = toHtml?.(text);
    if (!toHtml) load().then(() => { if (this.text === text) this.html = toHtml!(text); }).catch(() => {});
  }

  override render() {
    return this.html === undefined ? html`<div class="plain">${this.text}</div>` : html`${unsafeHTML(this.html)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-note': CrNote;
  }
}
