import type { MapFile } from '../../exchange/map-file/format.ts';
import type { CrossreadStore } from '../../store/index.ts';

/**
 * Puts an imported map's claims where its author had them on the argument map. Only claims not
 * placed here yet: the reader's own arrangement wins. Positions are settings, not shared records
 * (ADR 0011), so they are stored after the import, like a layout's, outside its undo step.
 */
export async function placeImported(store: CrossreadStore, file: MapFile): Promise<void> {
  const placed = store.mapPositions();
  const fresh = new Map(file.positions.filter((p) => store.claims.has(p.claim) && !placed.has(p.claim)).map((p) => [p.claim, { x: p.x, y: p.y }]));
  if (fresh.size) await store.placeOnMap(fresh);
}
