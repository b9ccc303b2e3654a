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
  const blocks = new Map<string, Block>();
  for (const b of doc.blocks) blocks.set(b.id, b);
  const out: LaidOut = { elements: new Map(), heldImages: 0 };
  const inert = document.implementation.createHTMLDocument('');
  let step = document.createDocumentFragment();
  let stepChars = 0;
  const take = (all: boolean) => {
    const body = inert.body;
    if (!body) return;
    const piece = document.createDocumentFragment();
    while (body.firstChild && (all || body.firstChild !== body.lastChild)) piece.append(body.firstChild);
    decorate(piece, doc, blocks, out.elements);
    out.heldImages += piece.querySelectorAll(`.${HELD_IMAGE_CLASS}`).length;
    step.append(piece);
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
  let deadline = performance.now() + STEP_MS;
  for (let at = 0; at < html.length; ) {
    inert.write(html.slice(at, at + CHARS));
    at += CHARS;
    stepChars += CHARS;
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
