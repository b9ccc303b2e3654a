import type { TextMap } from '../../reader/text-map.ts';
import { shortcutsOff } from '../shared/keys.ts';

// Shift + these keys select by word, line, or to the block's edge (Chromium's own granularities).
const MOVES: Record<string, [dir: 'forward' | 'backward', unit: string]> = {
  ArrowRight: ['forward', 'word'],
  ArrowLeft: ['backward', 'word'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'paragraphboundary'],
  Home: ['backward', 'paragraphboundary'],
};

/**
 * Selecting text with the keyboard (Chromium has no caret in text that is not editable, so
 * Shift + arrows do nothing there): Shift + ←/→ by a word, ↑/↓ by a line, Home/End to the
 * block's edge. A selection in the text is extended or shrunk from its focus end; with none, one
 * starts at the focused block's start. The toolbar and its keys then follow, as after a mouse
 * selection (`selection-toolbar.ts`, which calls this for its document: reader and Compare
 * alike). True when the key was used.
 */
export function selectByKey(e: KeyboardEvent, root: ShadowRoot, map: TextMap | undefined): boolean {
  const move = e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && !shortcutsOff(e) ? MOVES[e.key] : undefined;
  const article = root.querySelector('article');
  if (!move || !article || !map) return false;
  // Chromium gives the selection's nodes inside a shadow root only through the root.
  const sel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
  if (!sel) return false;
  const block = root.activeElement?.closest('[data-block]');
  const inText = sel.rangeCount > 0 && article.contains(sel.focusNode);
  // A caret left elsewhere (an earlier click) is not where the reader now is: start at the block.
  if (!inText || (sel.isCollapsed && !block?.contains(sel.focusNode))) {
    if (!block || !article.contains(block)) return false;
    const first = map.textNodes(block)[0]; // past the margin's ¶ number, which is not text
    sel.collapse(first ?? block, 0);
  }
  e.preventDefault(); // nor scroll the page
  sel.modify('extend', ...move);
  reveal(sel);
  return true;
}

// Keep the moving end in sight as a selection grows past the screen's edge.
function reveal(sel: Selection): void {
  if (!sel.focusNode) return;
  const at = document.createRange();
  at.setStart(sel.focusNode, sel.focusOffset);
  const { top, bottom } = at.getBoundingClientRect();
  if (top < 0) window.scrollBy({ top: top - 80, behavior: 'instant' as ScrollBehavior });
  else if (bottom > innerHeight) window.scrollBy({ top: bottom - innerHeight + 80, behavior: 'instant' as ScrollBehavior });
}
