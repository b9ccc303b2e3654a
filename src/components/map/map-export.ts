/**
 * The map as a file: SVG (self-contained: every style the view gives an element is written on
 * it, labels stay text, one `xmlns`) and PNG (that SVG drawn on a canvas). The whole map as
 * filtered is exported, not only the part in view, at zoom 1.
 */
import type { Box } from './geometry.ts';

/** The properties the map's styles set; their computed values are written inline. */
const STYLED = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order',
];
const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 24;

/**
 * The drawing `svg` as a standalone SVG document, framed on `bounds` (map units), with `title`.
 * Interaction leftovers (tab stops, roles, link handles, the link being drawn) are left out.
 */
export function svgDocument(svg: SVGSVGElement, bounds: Box, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLED.map((p) => [p, cs.getPropertyValue(p)] as const).filter(([, v]) => v && v !== 'normal' && v !== 'auto');
    to[i]!.setAttribute('style', style.map(([p, v]) => `${p}:${v}`).join(';'));
  });
  clone.querySelectorAll('.handle, .draft-link, title').forEach((el) => el.remove());
  clone.querySelector('.viewport')?.removeAttribute('transform');
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const attr of ['tabindex', 'role', 'aria-label', 'aria-describedby', 'class']) el.removeAttribute(attr);
  }
  // Comments the template engine left are of no use in a file.
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));

  const x = bounds.x - PAD;
  const y = bounds.y - PAD;
  const width = bounds.width + 2 * PAD;
  const height = bounds.height + 2 * PAD;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  const background = document.createElementNS(SVG_NS, 'rect');
  Object.entries({ x, y, width, height }).forEach(([k, v]) => background.setAttribute(k, String(v)));
  background.setAttribute('style', `fill:${getComputedStyle(svg).getPropertyValue('--cr-bg').trim() || '#ffffff'}`);
  const heading = document.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  clone.prepend(heading, background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** An SVG document drawn as a PNG, `scale` pixels per map unit (sharp on high-density screens). */
export async function pngOf(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(img.naturalWidth * scale);
  canvas.height = Math.ceil(img.naturalHeight * scale);
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not make the PNG.'))), 'image/png'));
}
