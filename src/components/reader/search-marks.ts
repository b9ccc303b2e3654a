/**
 * A search result opened in the reader marks the words it matched in its paragraph (issue 9):
 * painted as a highlight of its own over the annotations, never touching the text, and gone
 * when the reader moves on to a route without them.
 */
import { css } from 'lit';
import type { DocModel } from '../../corpus/types.ts';
import type { Highlighter } from '../../reader/highlighter.ts';
import type { TextMap } from '../../reader/text-map.ts';
import { paragraphMarks } from '../../search/snippet.ts';

/** The highlight that marks a search's words in the paragraph it opened. */
export const SEARCH_MARK = 'cr-search-mark';

/** `::highlight()` rules live in the shadow root that holds the text: under any annotation colour,
 * the word found reads as found (an underline plus a tint). */
export const searchMarkStyles = css`
  ::highlight(cr-search-mark) {
    background-color: rgb(250 204 21 / 0.55);
    text-decoration: underline 2px var(--cr-ink);
    text-underline-offset: 2px;
  }
`;

// Annotation layers take priorities 0 to 6 (highlight-layer.ts).
const ABOVE_ANNOTATIONS = 10;

/** Paints (or, with no paragraph or words, clears) the marks of a search in a laid-out document. */
export function paintSearchMarks(highlighter: Highlighter, map: TextMap, doc: DocModel, n: number | undefined, mark: string): void {
  const ranges: Range[] = [];
  if (n !== undefined) {
    for (const [s, e] of paragraphMarks(doc, n, mark)) {
      const r = map.offsetsToRange(s, e);
      if (r) ranges.push(r);
    }
  }
  highlighter.paint(new Map([[SEARCH_MARK, ranges]]), ABOVE_ANNOTATIONS);
}
