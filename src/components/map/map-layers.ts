/**
 * Whose claim each node is (ADR 0013), for the map: while the map holds more than one layer's
 * claims, every node gets a stripe in its layer's colour and the legend lists the layers; a
 * reader with only their own claims sees the map as before. Apart from `cr-map-view.ts`, which
 * only asks.
 */
import type { CrossreadStore } from '../../store/index.ts';
import { legendLayers, looksOf, type LayerLook } from '../layers/layer-look.ts';

/** The layers the map's legend lists: none unless two or more hold records. */
export const mapLayers = (store: CrossreadStore | undefined): LayerLook[] => legendLayers(looksOf(store));

/** The look a claim's node is striped with; `undefined` while the map shows one layer only. */
export function nodeLayer(store: CrossreadStore | undefined, claimId: string): LayerLook | undefined {
  const looks = looksOf(store);
  const layer = store?.getClaim(claimId)?.layer;
  if (!layer || mapLayers(store).length === 0) return undefined;
  return looks.get(layer);
}
