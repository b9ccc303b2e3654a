/**
 * Showing, hiding and removing a layer as a whole (ADR 0013). Hiding is one settings write;
 * removing deletes the layer's records through the same cascades as the reader's own deletions
 * (`claim-actions.ts`, `event-actions.ts`): links to its claims go, claims citing its passages
 * lose that evidence, references to its events are dropped. Pure over a `ChangeSet`; tested in
 * Node through the store.
 */
import { invalid, type ActionContext } from './actions.ts';
import { ChangeSet } from './changeset.ts';
import { deleteAnnotations, deleteClaims, deleteLinks } from './claim-actions.ts';
import type { AnyRecord, StoreState } from './diff.ts';
import { deleteEvent } from './event-actions.ts';
import { layersOf, type LayerView } from './layers.ts';
import { layerSettingId, type LayerSetting } from './records.ts';
import type { SharedCollection, SharedRecord } from './receive.ts';

type Counts = { [C in SharedCollection]: number };

/** What removing a layer took, for the toast ("Removed Ana’s map: 12 claims, … — Undo"). */
export interface LayerRemoval {
  /** The layer as it was. */
  layer: LayerView;
  /** Its records deleted. */
  removed: Counts;
  /** The reader's own records deleted with it (their links to its claims). */
  yoursRemoved: Counts;
  /** The reader's own records changed so nothing dangles (claims that cited its passages, records about its events). */
  yoursUpdated: Counts;
}

const zero = (): Counts => ({ annotations: 0, claims: 0, links: 0, events: 0, sources: 0 });
const COLLECTIONS: readonly SharedCollection[] = ['annotations', 'claims', 'links', 'events', 'sources'];

/** The layer `id` as views list it, or an `invalid` error; the reader's own layer is refused with `own`. */
function layerIn(cs: ChangeSet, id: string, ctx: ActionContext, own: string): LayerView {
  if (id === ctx.layer) throw invalid(own);
  const all = layersOf(
    { settings: cs.values('settings'), annotations: cs.values('annotations'), claims: cs.values('claims'), links: cs.values('links'), events: cs.values('events') },
    ctx.layer,
    ctx.creatorName,
  );
  const layer = all.find((l) => l.id === id);
  if (!layer) throw invalid('That map is not here any more.');
  return layer;
}

/** Shows or hides a layer other than the reader's own; a layer that arrived without a setting gets one. */
export function setLayerHidden(cs: ChangeSet, id: string, hidden: boolean, ctx: ActionContext): LayerView {
  const layer = layerIn(cs, id, ctx, 'Your own map is always shown.');
  const { name, role, course, colour } = layer;
  const setting: LayerSetting = { id: layerSettingId(id), value: { name, role, ...(course ? { course } : {}), colour, hidden } };
  if (layer.hidden !== hidden || !cs.get('settings', setting.id)) cs.put('settings', setting);
  return { ...layer, hidden };
}

/** What {@link removeLayer} would take now, without taking it: for the question asked first. Throws as it refuses. */
export function removalPreview(state: StoreState, id: string, local: string, localName: string): LayerRemoval {
  return removeLayer(new ChangeSet(state), id, { now: new Date(0).toISOString(), newId: () => '', creatorName: localName, layer: local });
}

/** Deletes every record of layer `id`, its setting and its claims' map positions, and what of other layers would dangle. */
export function removeLayer(cs: ChangeSet, id: string, ctx: ActionContext): LayerRemoval {
  const layer = layerIn(cs, id, ctx, 'Your own map cannot be removed as a whole; delete its claims and passages instead.');
  const of = <C extends SharedCollection>(c: C) => [...cs.values(c)].filter((r) => r.layer === id).map((r) => r.id);
  deleteLinks(cs, of('links'));
  deleteClaims(cs, of('claims'));
  deleteAnnotations(cs, of('annotations'), 'keep', ctx);
  for (const e of of('events')) deleteEvent(cs, e, ctx);
  // A source its map carried (ADR 0014) goes with it unless passages of other layers are still on it.
  const cited = new Set([...cs.values('annotations')].map((a) => a.target.source));
  for (const s of of('sources')) if (!cited.has(s)) cs.remove('sources', s);
  if (cs.get('settings', layerSettingId(id))) cs.remove('settings', layerSettingId(id));
  const out: LayerRemoval = { layer, removed: zero(), yoursRemoved: zero(), yoursUpdated: zero() };
  const diff = cs.diff();
  for (const c of COLLECTIONS) {
    const part = diff[c];
    if (!part) continue;
    for (const r of Object.values<AnyRecord>(part.removed) as SharedRecord[]) {
      if (r.layer === id) out.removed[c]++;
      else if (r.layer === ctx.layer) out.yoursRemoved[c]++;
    }
    for (const [from] of Object.values<[AnyRecord, AnyRecord]>(part.updated) as [SharedRecord, SharedRecord][]) {
      if (from.layer === ctx.layer) out.yoursUpdated[c]++;
    }
  }
  return out;
}
