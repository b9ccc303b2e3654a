/**
 * Paints highlights with the CSS Custom Highlight API: the source DOM is never split or wrapped.
 *
 * Highlight names are global (`CSS.highlights`), so each name holds one shared Highlight and
 * every Highlighter (one per rendered document) adds and removes only its own ranges; two
 * documents side by side do not clear each other.
 */
const shared = new Map<string, Highlight>();

function highlight(name: string, priority: number): Highlight {
  let h = shared.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    shared.set(name, h);
    CSS.highlights.set(name, h);
  }
  return h;
}

/** True where the browser has the Highlight API (Chromium 105+, Safari 17.2+, Firefox 140+). */
export const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS;

/** One document's painted ranges, by highlight name. */
export class Highlighter {
  #mine = new Map<string, Range[]>();

  /** Replace everything this highlighter painted with `layers` (name → ranges). Names later in
   * the map paint above earlier ones; `above` lifts all of them over highlights painted with less
   * (a search's marks over the annotations). */
  paint(layers: ReadonlyMap<string, readonly Range[]>, above = 0): void {
    if (!highlightsSupported) return;
    this.clear();
    let priority = above;
    for (const [name, ranges] of layers) {
      const h = highlight(name, priority++);
      for (const r of ranges) h.add(r);
      this.#mine.set(name, [...ranges]);
    }
  }

  /** Remove this highlighter's ranges. */
  clear(): void {
    for (const [name, ranges] of this.#mine) {
      const h = shared.get(name);
      if (h) for (const r of ranges) h.delete(r);
    }
    this.#mine.clear();
  }

  /** Number of ranges painted under a name (for tests and the status line). */
  count(name: string): number {
    return this.#mine.get(name)?.length ?? 0;
  }
}
