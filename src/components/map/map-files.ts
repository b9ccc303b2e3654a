import { downloadBlob, downloadText } from '../shared/download.ts';
import { pngOf, svgDocument } from './map-export.ts';
import type { CrMapCanvas } from './cr-map-canvas.ts';

/** The file name of an export made today, e.g. `crossread-map-2026-11-30.svg`. */
const fileName = (ext: string) => `crossread-map-${new Date().toISOString().slice(0, 10)}.${ext}`;

/** The map as drawn (filters and clusters as chosen), as an SVG document. */
export function mapSvg(canvas: CrMapCanvas): string {
  return svgDocument(canvas.drawing, canvas.bounds, canvas.label);
}

/** Hands the reader the map drawn on `canvas` as an SVG or PNG file. */
export async function exportMap(canvas: CrMapCanvas, kind: 'svg' | 'png'): Promise<void> {
  const text = mapSvg(canvas);
  if (kind === 'svg') downloadText(fileName('svg'), text, 'image/svg+xml');
  else downloadBlob(fileName('png'), await pngOf(text));
}
