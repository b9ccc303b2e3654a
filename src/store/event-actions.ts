/**
 * Event actions. Merging and deleting an event re-point or remove every
 * reference to it, in claims and in annotations (event bodies), in the same
 * diff. Pure; tested in Node through the store.
 */
import { buildContext, invalid, need, type ActionContext } from './actions.ts';
import type { ChangeSet } from './changeset.ts';
import { put } from './claim-actions.ts';
import { buildEvent, changeClaim, changeEvent, uniqueIds, type EventChange, type EventDraft, type EventRecord } from './claim-records.ts';
import { changeAnnotation, eventsOf } from './records.ts';

/** Creates an event. */
export function createEvent(cs: ChangeSet, draft: EventDraft, ctx: ActionContext): EventRecord {
  const event = buildEvent(draft, buildContext(ctx));
  cs.put('events', event);
  return event;
}

/** Renames or re-dates an event. */
export function updateEvent(cs: ChangeSet, id: string, change: EventChange, ctx: ActionContext): EventRecord {
  const from = need(cs, 'events', id);
  return put(cs, 'events', from, changeEvent(from, change, ctx.now));
}

/** Replaces event id `from` by `to` (or drops it when `to` is undefined) in every claim and annotation. */
function repoint(cs: ChangeSet, from: string, to: string | undefined, now: string): void {
  const swap = (ids: readonly string[]) => uniqueIds(ids.flatMap((id) => (id !== from ? [id] : to ? [to] : [])));
  for (const claim of [...cs.values('claims')]) {
    if (claim.events.includes(from)) cs.put('claims', changeClaim(claim, { events: swap(claim.events) }, now));
  }
  for (const annotation of [...cs.values('annotations')]) {
    const events = eventsOf(annotation);
    if (events.includes(from)) cs.put('annotations', changeAnnotation(annotation, { events: swap(events) }, now));
  }
}

/** Merges `drop` into `keep`: every reference to `drop` now names `keep`; `keep`'s name and dates stay. */
export function mergeEvents(cs: ChangeSet, keepId: string, dropId: string, ctx: ActionContext): EventRecord {
  if (keepId === dropId) throw invalid('An event cannot be merged into itself.');
  const keep = need(cs, 'events', keepId);
  need(cs, 'events', dropId);
  repoint(cs, dropId, keepId, ctx.now);
  cs.remove('events', dropId);
  return keep;
}

/** Deletes an event and every reference to it; an unknown id deletes nothing. */
export function deleteEvent(cs: ChangeSet, id: string, ctx: ActionContext): EventRecord[] {
  const event = cs.get('events', id);
  if (!event) return [];
  repoint(cs, id, undefined, ctx.now);
  cs.remove('events', id);
  return [event];
}
