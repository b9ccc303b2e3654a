import { html, css, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { TextMap } from '../../reader/text-map.ts';
import type { AnnotateIntent } from '../shared/events.ts';
import { shortcutsOff } from '../shared/keys.ts';
import { selectByKey } from './keyboard-selection.ts';

/** A passage of the text as offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The selected passage and where its toolbar stands (viewport coordinates). */
interface Selected extends Span {
  x: number;
  y: number;
}

/** The selection's range inside a shadow root (Chromium exposes it on the root). */
export function selectionRange(root: ShadowRoot): Range | null {
  const sel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) || root === range.commonAncestorContainer ? range : null;
}

const KEYS = { h: 'highlight', n: 'note', t: 'tag', c: 'claim', e: 'evidence', r: 'related' } as const satisfies Record<string, AnnotateIntent>;
/** Every intent, in the toolbar's order. */
export const ALL_INTENTS: readonly AnnotateIntent[] = Object.values(KEYS);

/** Styles of the toolbar; include them in the host's styles. */
export const toolbarStyles = css`
  .toolbar {
    position: fixed; z-index: 40; display: flex; gap: 2px; padding: 3px;
    background: var(--cr-ink); border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    transform: translate(-50%, calc(-100% - 8px));
    /* Never wider than the window (a phone's is narrower than the six buttons): they wrap, and
       hostUpdated can then keep all of it on screen. max-content, or its width would depend on left. */
    box-sizing: border-box; width: max-content; max-width: calc(100vw - 16px); flex-wrap: wrap; justify-content: center;
  }
  .toolbar button {
    font: 600 0.82rem var(--cr-sans); color: var(--cr-bg); background: transparent; border: 0;
    padding: 0.4rem 0.65rem; border-radius: 5px; cursor: pointer; white-space: nowrap;
  }
  .toolbar button:hover, .toolbar button:focus-visible { background: rgb(255 255 255 / 0.16); outline: none; }
  .toolbar kbd { font: 0.7rem var(--cr-mono); opacity: 0.65; margin-left: 0.3rem; }
`;

/**
 * The toolbar above a passage selected in the host's text: Highlight, Note, Tag, Claim,
 * Evidence for…, Related (or H, N, T, C, E, R while the selection lasts; Escape drops it). It follows the
 * document's selection, and remembers the last passage selected after the selection is gone,
 * so a button elsewhere can still use it (re-attaching an orphan).
 */
export class SelectionToolbar implements ReactiveController {
  /** The last passage selected in the host's text. */
  last: Span | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #root: () => ShadowRoot;
  readonly #map: () => TextMap | undefined;
  readonly #annotate: (span: Span, intent: AnnotateIntent) => void;
  readonly #offered: () => readonly AnnotateIntent[];
  #selected: Selected | undefined;
  #frame = 0;

  /** `annotate` is called with the passage and what the user asked for; `offered` are the
   * buttons shown (the keys of the others still call `annotate`, for the host to say where
   * that is done). */
  constructor(host: ReactiveControllerHost, root: () => ShadowRoot, map: () => TextMap | undefined, annotate: (span: Span, intent: AnnotateIntent) => void, offered: () => readonly AnnotateIntent[] = () => ALL_INTENTS) {
    this.#host = host;
    this.#offered = offered;
    this.#root = root;
    this.#map = map;
    this.#annotate = annotate;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#onSelectionChange);
    document.addEventListener('keydown', this.#onKey);
  }

  // Kept on screen: over a passage near a column's edge (Compare's left one), half of it fell off.
  hostUpdated(): void {
    const bar = this.#root().querySelector<HTMLElement>('.toolbar');
    const sel = this.#selected;
    if (!bar || !sel) return;
    const { left, right } = bar.getBoundingClientRect();
    const shift = left < 8 ? 8 - left : right > innerWidth - 8 ? innerWidth - 8 - right : 0;
    if (shift) bar.style.left = `${sel.x + shift}px`;
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    document.removeEventListener('keydown', this.#onKey);
    cancelAnimationFrame(this.#frame);
  }

  /** Annotate the current selection: calls `annotate` and clears the selection (kept when the host does not offer `intent`). False when nothing is selected. */
  annotate(intent: AnnotateIntent): boolean {
    // The selection as it is now: the toolbar follows it a frame late, and H right after a
    // quick Shift+→ would take the words of the step before.
    const range = selectionRange(this.#root());
    const now = range && this.#map()?.rangeToOffsets(range);
    const span = now && now.end > now.start ? now : this.#selected;
    if (!span) return false;
    this.#annotate({ start: span.start, end: span.end }, intent);
    // What this host does not offer (Compare's N, T, C, E) saves nothing: the passage stays
    // selected for what it does offer.
    if (this.#offered().includes(intent)) this.#clear();
    return true;
  }

  /** The toolbar, while a passage is selected. */
  render() {
    const sel = this.#selected;
    if (!sel) return nothing;
    const offered = this.#offered();
    const button = (intent: AnnotateIntent, label: string, key: string) =>
      offered.includes(intent) ? html`<button type="button" @click=${() => this.annotate(intent)}>${label}<kbd>${key}</kbd></button>` : nothing;
    return html`<div class="toolbar" role="toolbar" aria-label="Annotate selection" style=${styleMap({ left: `${sel.x}px`, top: `${sel.y}px` })}
        @mousedown=${(e: Event) => e.preventDefault()}>
        ${button('highlight', 'Highlight', 'H')} ${button('note', 'Note', 'N')} ${button('tag', 'Tag', 'T')}
        ${button('claim', 'Claim', 'C')} ${button('evidence', 'Evidence for…', 'E')} ${button('related', 'Related', 'R')}
      </div>`;
  }

  #set(selected: Selected | undefined): void {
    this.#selected = selected;
    this.#host.requestUpdate();
  }

  #clear(): void {
    document.getSelection()?.removeAllRanges();
    this.#set(undefined);
  }

  #onSelectionChange = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const range = selectionRange(this.#root());
      const span = range && this.#map()?.rangeToOffsets(range);
      if (!range || !span || span.end <= span.start) {
        if (this.#selected) this.#set(undefined);
        return;
      }
      const rect = range.getBoundingClientRect();
      this.last = span;
      this.#set({ ...span, x: rect.left + rect.width / 2, y: Math.max(rect.top, 48) });
    });
  };

  #onKey = (e: KeyboardEvent) => {
    if (selectByKey(e, this.#root(), this.#map())) return;
    if (e.altKey || e.ctrlKey || e.metaKey || shortcutsOff(e)) return;
    const key = e.key.toLowerCase();
    const intent = key in KEYS ? KEYS[key as keyof typeof KEYS] : undefined;
    if (intent && this.annotate(intent)) e.preventDefault();
    else if (e.key === 'Escape' && this.#selected) this.#clear();
  };
}
