/**
 * Other layers are read-only here (ADR 0013): a local action may write only the reader's own
 * layer. Checked once, on the diff every local action makes (`change()` in engine.ts), so no
 * action can forget it; records received from outside, undo and redo, resolving a conflict and
 * removing a whole layer do not pass here. Pure; tested in Node through the store.
 */
import type { AnyRecord, StoreDiff, StoreState } from './diff.ts';
import { StoreError } from './errors.ts';
import { layerSettings } from './layers.ts';
import type { SharedCollection, SharedRecord } from './receive.ts';
import { RECORD_NOUN } from './records.ts';

// What the reader can do instead, in their own layer.
const INSTEAD: { [C in SharedCollection]: string } = {
  annotations: 'Cite it as evidence of a claim of your own instead.',
  claims: 'Link a claim of your own to it instead.',
  links: 'Add a link of your own instead.',
  events: 'You can still tag your own claims with it.',
  sources: 'You can still read and annotate it.',
};

const COLLECTIONS: readonly SharedCollection[] = ['claims', 'annotations', 'links', 'events', 'sources'];

/**
 * Refuses, as `invalid`, a diff that adds, changes or deletes a record of a layer other than
 * `local`. The message names the record's kind and whose map it is: "This claim is from Ana’s
 * map, which is read-only here. Link a claim of your own to it instead." When the action was
 * about the reader's own records and would drag another layer's along (deleting a claim that
 * someone else's link points at, merging into their claim), it says so instead.
 */
export function refuseOtherLayers(state: StoreState, diff: StoreDiff, local: string): void {
  let foreign: { c: SharedCollection; record: SharedRecord; change: 'change' | 'delete' } | undefined;
  let ownTouched = false;
  const check = (c: SharedCollection, record: AnyRecord, change: 'change' | 'delete', was: boolean) => {
    const r = record as SharedRecord;
    if (r.layer !== local) foreign ??= { c, record: r, change };
    else if (was) ownTouched = true;
  };
  // Deletions first: what an action deletes is what it was about; what it updates may be a cascade.
  for (const c of COLLECTIONS) for (const r of Object.values<AnyRecord>(diff[c]?.removed ?? {})) check(c, r, 'delete', true);
  for (const c of COLLECTIONS) for (const [from] of Object.values<[AnyRecord, AnyRecord]>(diff[c]?.updated ?? {})) check(c, from, 'change', true);
  for (const c of COLLECTIONS) for (const r of Object.values<AnyRecord>(diff[c]?.added ?? {})) check(c, r, 'change', false);
  if (!foreign) return;
  const { c, record, change } = foreign;
  const whose = `${layerSettings(state.settings.values()).get(record.layer)?.name ?? ('creator' in record ? record.creator.name : 'another reader')}’s map`;
  const message = ownTouched
    ? `This would ${change} a ${RECORD_NOUN[c]} of ${whose}, which is read-only here.`
    : `This ${RECORD_NOUN[c]} is from ${whose}, which is read-only here. ${INSTEAD[c]}`;
  throw new StoreError('invalid', { message });
}
