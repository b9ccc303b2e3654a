import { css, html, nothing } from 'lit';
import { HELD_IMAGE_CLASS, LOAD_IMAGE_CLASS } from '../../corpus/user-file/held-images.ts';

/**
 * The reader's side of images held in a user's file (src/corpus/user-file/held-images.ts): a
 * placeholder shows the image's address until the reader chooses to load it, one by one or all
 * at once. Loading puts an `<img>` inside the placeholder, which stays apparatus (`data-nontext`),
 * so the text map and the highlights do not move.
 */

/** The bar over a text with `n` images held. Loading an image tells its server that the file
 * was opened, so it is the reader's choice. */
export function heldImagesBar(n: number, loadAll: () => void) {
  if (!n) return nothing;
  return html`<div class="images-bar" tabindex="-1">
    <span>${n === 1 ? 'An image of this file is' : `${n} images of this file are`} not loaded: loading an image tells the server it comes from that you opened this file.</span>
    <button type="button" @click=${loadAll}>${n === 1 ? 'Load it' : `Load all ${n} images`}</button>
  </div>`;
}

/** The held image whose "Load image" button an event's target is, if any. */
export function heldImageOfButton(target: EventTarget | null): HTMLElement | null {
  const button = (target as Element | null)?.closest?.(`button.${LOAD_IMAGE_CLASS}`);
  return button?.closest<HTMLElement>(`.${HELD_IMAGE_CLASS}`) ?? null;
}

/** Load one held image (only now is it fetched); returns false if it was loaded already. */
export function loadHeldImage(holder: HTMLElement): boolean {
  if (holder.classList.contains('loaded')) return false;
  const img = document.createElement('img');
  img.alt = holder.dataset['alt'] ?? '';
  img.src = holder.dataset['src'] ?? '';
  holder.replaceChildren(img);
  holder.classList.add('loaded');
  return true;
}

/** Load every held image under `root`; returns how many were loaded. */
export function loadAllHeldImages(root: ParentNode): number {
  return [...root.querySelectorAll<HTMLElement>(`.${HELD_IMAGE_CLASS}`)].filter(loadHeldImage).length;
}

/** Styles of the placeholders and of the bar that offers to load them all. */
export const heldImageStyles = css`
  .held-image:not(.loaded) {
    display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.6rem; max-width: 100%;
    padding: 0.3rem 0.6rem; border: 1px dashed var(--cr-rule); border-radius: 6px;
    font: 0.8rem/1.4 var(--cr-sans); color: var(--cr-ink-soft); vertical-align: baseline;
  }
  .held-image .held-src { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
  .held-image img { max-width: 100%; }
  .held-image button, .images-bar button {
    font: 600 0.8rem var(--cr-sans); padding: 0.15rem 0.55rem; border-radius: 5px; cursor: pointer;
    border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink);
  }
  .held-image button:focus-visible, .images-bar button:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
  .images-bar {
    display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; max-width: 34em; margin: 0 0 1.5rem;
    padding: 0.5rem 0.8rem; border: 1px solid var(--cr-rule); border-radius: 8px;
    font: 0.85rem/1.45 var(--cr-sans); color: var(--cr-ink-soft);
  }
  .images-bar:focus { outline: none; }
`;
