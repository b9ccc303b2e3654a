import type { Element, ElementContent, Root } from 'hast';

/** Class of the placeholder that stands for an image not yet loaded. */
export const HELD_IMAGE_CLASS = 'held-image';
/** Class of the placeholder's button that loads the image. */
export const LOAD_IMAGE_CLASS = 'load-image';

/**
 * Replace every image of a sanitized tree with a placeholder that shows its address and a
 * "Load image" button: an image in a user's file is fetched only when the reader asks, so a
 * tracking pixel learns nothing from opening the file. The placeholder is apparatus
 * (`data-nontext`), so the text and the annotations on it are the same as without images.
 * Returns how many images were held. Runs after the sanitizer: the placeholder is ours.
 */
export function holdImages(tree: Root): number {
  let held = 0;
  const walk = (nodes: ElementContent[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.type !== 'element') continue;
      if (n.tagName === 'img') {
        nodes[i] = placeholder(String(n.properties['src'] ?? ''), String(n.properties['alt'] ?? ''));
        held++;
      } else walk(n.children);
    }
  };
  walk(tree.children as ElementContent[]);
  return held;
}

/** The placeholder for one image: what it shows, where it would come from, and the button. */
function placeholder(src: string, alt: string): Element {
  const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
  const text = (value: string): ElementContent => ({ type: 'text', value });
  return el('span', { className: [HELD_IMAGE_CLASS], dataNontext: '', dataSrc: src, dataAlt: alt }, [
    el('span', { className: ['held-what'] }, [text(alt ? `Image not loaded: “${alt}”` : 'Image not loaded')]),
    text(' '),
    el('span', { className: ['held-src'] }, [text(src || '(no address)')]),
    text(' '),
    ...(src ? [el('button', { type: 'button', className: [LOAD_IMAGE_CLASS] }, [text('Load image')])] : []),
  ]);
}
