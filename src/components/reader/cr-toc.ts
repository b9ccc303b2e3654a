import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TocEntry } from '../../corpus/types.ts';

/** Fired when a table-of-contents entry is chosen. */
export class TocSelectEvent extends Event {
  static readonly eventName = 'cr-toc-select';
  constructor(readonly entry: TocEntry) {
    super(TocSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Entries rendered per task: a user's 5 MB file has over 1,000 headings (60-90 ms at once). */
const STEP = 50;

/**
 * Table of contents from a document's headings; the section being read is marked. A long one
 * is rendered 50 entries per task, so it never holds the page.
 *
 * @fires cr-toc-select - an entry was chosen (click or Enter)
 */
@customElement('cr-toc')
export class CrToc extends LitElement {
  static override styles = css`
    :host { display: block; font: 0.9rem/1.4 var(--cr-sans); }
    h2 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0 0 0.6rem; }
    ol { list-style: none; margin: 0; padding: 0; }
    a {
      display: block; padding: 0.28rem 0.6rem; color: var(--cr-ink-soft); text-decoration: none;
      border-left: 2px solid var(--cr-rule); border-radius: 0 4px 4px 0;
    }
    a:hover { color: var(--cr-ink); background: var(--cr-hover); }
    a:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    a[aria-current='true'] { color: var(--cr-accent); border-left-color: var(--cr-accent); font-weight: 600; background: var(--cr-hover); }
    .l3 a { padding-left: 1.4rem; font-size: 0.85rem; }
    .l4 a, .l5 a, .l6 a { padding-left: 2rem; font-size: 0.82rem; }
    .empty { color: var(--cr-ink-faint); font-style: italic; }
  `;

  /** Headings of the document. */
  @property({ attribute: false }) accessor entries: readonly TocEntry[] = [];
  /** Id of the heading whose section is being read. */
  @property() accessor current = '';
  /** Base href for entries (the reader's route without a paragraph). */
  @property() accessor base = '#/';

  /** How many entries are rendered so far. */
  @state() private accessor shown = STEP;
  #more = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#more);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('entries')) this.shown = STEP;
  }

  protected override updated(): void {
    clearTimeout(this.#more);
    if (this.shown < this.entries.length) this.#more = window.setTimeout(() => (this.shown += STEP));
  }

  override render() {
    return html`<nav aria-labelledby="toc-title">
      <h2 id="toc-title">Contents</h2>
      ${this.entries.length === 0
        ? html`<p class="empty">This text has no headings.</p>`
        : html`<ol>
            ${this.entries.slice(0, this.shown).map(
              (e) => html`<li class="l${e.level}">
                <a href="${this.base}/p/${e.n}" aria-current=${e.id === this.current ? 'true' : nothing}
                   data-id=${e.id} @click=${(ev: Event) => this.#select(ev, e)}>${e.text}</a>
              </li>`,
            )}
          </ol>`}
    </nav>`;
  }

  #select(ev: Event, entry: TocEntry): void {
    ev.preventDefault();
    this.dispatchEvent(new TocSelectEvent(entry));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-toc': CrToc;
  }
  interface HTMLElementEventMap {
    [TocSelectEvent.eventName]: TocSelectEvent;
  }
}
