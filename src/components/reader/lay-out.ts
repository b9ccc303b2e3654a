import type { Block, DocModel } from '../../corpus/types.ts';
import { HELD_IMAGE_CLASS } from '../../corpus/user-file/held-images.ts';
import { decorate } from './paragraph-numbers.ts';

/** Script time of one step of laying out; the browser then styles what it added (about as
 * long again, seen at 0.7 times) in the same frame. */
const STEP_MS = 6;
/** Characters of HTML handed to the parser at a time (about 1-2 ms of parsing). */
const CHARS = 16 * 1024;

/** What laying out a document found: its block elements by id, and its held images. */
export interface LaidOut {
  elements: Map<string, Element>;
  heldImages: number;
}

/**
 * Lays out a document's sanitized HTML into `article` piece by piece, yielding to the page
 * every few ms: parsing, numbering and indexing a 5 MB file at once held the main thread for
 * 0.7-1 s. The HTML streams into an inert document (no scripts, no fetches), and each top-level
 * node the parser has finished moves, decorated (`paragraph-numbers.ts`), into the article; the
 * one still being parsed waits for the next piece. One step per frame, so the text shows as it
 * grows and each frame styles only what one step added.
 *
 * With `parts`, each step's nodes go into a `div.part` of their own, for the article to skip
 * the parts off screen (content-visibility): one such element per block made the browser spend
 * 60-120 ms per frame on a 5 MB text, checking 11,000 elements for visibility.
 * Resolves with undefined when `signal` aborts.
 */
export async function layOut(article: HTMLElement, doc: DocModel, parts: boolean, progress: (fraction: number) => void, signal: AbortSignal): Promise<LaidOut | undefined> {
  // A text longer than one piece starts in a task of its own: the caller's task has work too.
  if (doc.html.length > CHARS) await nextFrame();
  if (signal.aborted) return undefined;
  let deadline = performance.now() + STEP_MS;
  // The index by id in steps too: 30,000 blocks (a table of 10,000 rows) took 10-60 ms.
  const blocks = new Map<string, Block>();
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    blocks.set(b.id, b);
    if (i % 2000 === 1999 && performance.now() > deadline) {
      await nextFrame();
      if (signal.aborted) return undefined;
      deadline = performance.now() + STEP_MS;
    }
  }
  const out: LaidOut = { elements: new Map(), heldImages: 0 };
  const inert = document.implementation.createHTMLDocument('');
  let step = document.createDocumentFragment();
  let stepChars = 0;
  const table = new OpenTable((nodes, wrap) => {
    decorate(nodes, doc, blocks, out.elements, wrap);
    out.heldImages += nodes.querySelectorAll(`.${HELD_IMAGE_CLASS}`).length;
  });
  const take = (all: boolean) => {
    const body = inert.body;
    if (!body) return;
    let piece = document.createDocumentFragment();
    const flush = () => {
      decorate(piece, doc, blocks, out.elements);
      out.heldImages += piece.querySelectorAll(`.${HELD_IMAGE_CLASS}`).length;
      step.append(piece);
      piece = document.createDocumentFragment();
    };
    while (body.firstChild && (all || body.firstChild !== body.lastChild)) {
      const node = body.firstChild;
      // A table the parser has finished whose rows went ahead: its last ones join them.
      if (table.continues(node)) {
        flush();
        step.append(table.finish(node));
      } else piece.append(node);
    }
    flush();
    if (!all && body.lastChild instanceof HTMLTableElement) step.append(table.advance(body.lastChild));
  };
  const show = () => {
    if (!parts) article.append(step);
    else if (step.firstChild) {
      const part = document.createElement('div');
      part.className = 'part';
      // Until it is first drawn, a part off screen is as tall as its text would roughly be.
      part.style.containIntrinsicBlockSize = `auto ${Math.ceil(stepChars / 50)}em`;
      part.append(step);
      article.append(part);
    }
    step = document.createDocumentFragment();
    stepChars = 0;
  };
  const { html } = doc;
  inert.open();
  for (let at = 0; at < html.length; ) {
    // Inside a table each row is moved and numbered as it comes: smaller pieces keep steps short.
    const chars = table.open ? CHARS / 4 : CHARS;
    inert.write(html.slice(at, at + chars));
    at += chars;
    stepChars += chars;
    take(false);
    if (at < html.length && performance.now() > deadline) {
      show();
      progress(at / html.length);
      await nextFrame();
      if (signal.aborted) return undefined;
      deadline = performance.now() + STEP_MS;
    }
  }
  inert.close();
  take(true);
  show();
  return out;
}

/** Rows of a long table per `<table>` of its own. */
const ROWS = 200;

/**
 * A table still being parsed, laid out row by row: 50,000 rows (150,000 cells) moved and
 * numbered in one step took 1.8 s of script, and the browser then laid the table out in one
 * frame of 21 s. The rows the parser has finished (all but the last of the section it is in)
 * move into a copy of the table in the article; past {@link ROWS} rows, into further copies
 * (`table-wrap chunked`, each its own box the browser skips while off screen, columns of fixed
 * equal widths so they line up), so no frame lays out more than a few hundred rows.
 */
class OpenTable {
  readonly #done: (nodes: DocumentFragment, wrap: Element) => void;
  #source: HTMLTableElement | undefined;
  #first: Element | undefined;
  #wrap: Element | undefined;
  #copy: HTMLTableElement | undefined;
  #rows = 0;
  // Section of the parsed table → its copy in the current chunk.
  #sections = new Map<Element, Element>();
  #shown = document.createDocumentFragment();

  /** `done` decorates rows before they go in, given the table's first wrapper (for its ¶ number). */
  constructor(done: (nodes: DocumentFragment, wrap: Element) => void) {
    this.#done = done;
  }

  /** Whether a table's rows are going ahead. */
  get open(): boolean {
    return this.#source !== undefined;
  }

  /** Whether `node` is the table whose rows went ahead. */
  continues(node: Node): node is HTMLTableElement {
    return node === this.#source;
  }

  /** Moves the rows of `table` finished so far; returns the wrappers it started, to show. */
  advance(table: HTMLTableElement): DocumentFragment {
    if (table !== this.#source) {
      this.#source = table;
      this.#first = undefined;
      this.#chunk();
    }
    this.#move(table, false);
    return this.#take();
  }

  /** Moves what is left of the table, now parsed to its end; returns the wrappers it started. */
  finish(table: HTMLTableElement): DocumentFragment {
    this.#move(table, true);
    table.remove();
    if (this.#wrap !== this.#first) this.#wrap?.classList.add('end');
    this.#source = this.#first = this.#wrap = this.#copy = undefined;
    return this.#take();
  }

  #take(): DocumentFragment {
    const shown = this.#shown;
    this.#shown = document.createDocumentFragment();
    return shown;
  }

  #chunk(): void {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    this.#copy = this.#source!.cloneNode(false) as HTMLTableElement;
    wrap.append(this.#copy);
    if (this.#first) {
      this.#first.classList.add('chunked');
      wrap.classList.add('chunked', 'more');
    } else this.#first = wrap;
    this.#wrap = wrap;
    this.#sections = new Map();
    this.#rows = 0;
    this.#shown.append(wrap);
  }

  #move(table: HTMLTableElement, all: boolean): void {
    for (const section of [...table.children]) {
      const open = !all && section === table.lastElementChild;
      if (!(section instanceof HTMLTableSectionElement)) {
        // A caption or colgroup: whole, once finished.
        if (!open) this.#place(this.#copy!, [section]);
        continue;
      }
      const rows = [...section.children];
      if (open) rows.pop();
      while (rows.length) {
        if (this.#rows >= ROWS && section.tagName === 'TBODY') this.#chunk();
        let into = this.#sections.get(section);
        if (!into) {
          into = section.cloneNode(false) as Element;
          this.#sections.set(section, into);
          this.#copy!.append(into);
        }
        const batch = rows.splice(0, Math.max(1, ROWS - this.#rows));
        this.#rows += batch.length;
        this.#place(into, batch);
      }
    }
  }

  #place(into: Element, nodes: Element[]): void {
    const piece = document.createDocumentFragment();
    piece.append(...nodes);
    this.#done(piece, this.#first!);
    into.append(piece);
  }
}

/** After the next frame, or after 50 ms where no frame comes (a page hidden meanwhile). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, document.hidden ? 0 : 50);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve);
    });
  });
}
