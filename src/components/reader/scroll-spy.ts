import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { numberedBlock } from '../../corpus/paragraphs.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { TextMap } from '../../reader/text-map.ts';

/** How far below the top of the viewport a heading still counts as read (the app bar is above). */
const READ_LINE = 120;

/**
 * The heading whose section contains ¶n: the last heading before the paragraph in the text, or
 * the first heading for text before any; `''` when there is no such ¶ or no heading.
 */
export function sectionOf(doc: DocModel, n: number): string {
  const block = numberedBlock(doc.blocks, n);
  if (!block) return '';
  const at = doc.blocks.indexOf(block);
  const headings = new Set(doc.toc.map((t) => t.id));
  for (let i = at; i >= 0; i--) {
    const id = doc.blocks[i]?.id;
    if (id !== undefined && headings.has(id)) return id;
  }
  return doc.toc[0]?.id ?? '';
}

/**
 * Follows the reader's position for the table of contents: the current section is the last
 * heading above a line near the top of the viewport. After a jump (to ¶n, or to a heading) the
 * section is the one jumped to, whatever else the jump brought near the top, until the reader
 * scrolls on: a short paragraph scrolled to the top can have the next heading right below it.
 */
export class ScrollSpy implements ReactiveController {
  /** Id of the heading whose section is being read. */
  current = '';

  readonly #host: ReactiveControllerHost;
  readonly #doc: () => DocModel | undefined;
  readonly #map: () => TextMap | undefined;
  #frame = 0;
  /** The section jumped to, kept while the page stays where the jump left it. */
  #pinned: { id: string; y: number } | undefined;

  /** `doc` and `map` read the host's document and its text map as they are now. */
  constructor(host: ReactiveControllerHost, doc: () => DocModel | undefined, map: () => TextMap | undefined) {
    this.#host = host;
    this.#doc = doc;
    this.#map = map;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll);
    cancelAnimationFrame(this.#frame);
  }

  /** After a jump to ¶n: mark the section that contains it. */
  jumpedToParagraph(n: number): void {
    const doc = this.#doc();
    if (doc) this.jumpedToSection(sectionOf(doc, n));
  }

  /** After a jump to a heading: mark its section. */
  jumpedToSection(id: string): void {
    this.#pinned = { id, y: window.scrollY };
    this.#set(id);
  }

  /** Work the current section out from what is on screen (e.g. after opening a document). */
  spy(): void {
    const map = this.#map();
    const doc = this.#doc();
    const pinned = this.#pinned;
    if (pinned && Math.abs(window.scrollY - pinned.y) < 1 && doc?.toc.some((t) => t.id === pinned.id)) return;
    this.#pinned = undefined;
    if (!map || !doc) return;
    let current = doc.toc[0]?.id ?? '';
    for (const t of doc.toc) {
      const el = map.element(t.id);
      if (el && el.getBoundingClientRect().top < READ_LINE) current = t.id;
      else break;
    }
    this.#set(current);
  }

  #set(id: string): void {
    if (id === this.current) return;
    this.current = id;
    this.#host.requestUpdate();
  }

  #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.spy());
  };
}
