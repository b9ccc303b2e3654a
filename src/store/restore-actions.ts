/**
 * Restoring a record that another tab deleted while this tab was editing it (issue 8): the
 * record as this tab last saw it is added again, with the reader's edit applied, in one action.
 * Its id comes back (IndexedDB `add`: if another tab has re-made it meanwhile, the commit
 * fails rather than overwrites) and its version moves past the deleted one (`stampDiff`).
 * What it cited that is gone too cannot come back with it: dropped, and named for the reader.
 * Pure; tested in Node through the store.
 */
import { invalid, type ActionContext } from './actions.ts';
import type { ChangeSet } from './changeset.ts';
import { put, updateClaim, updateLink } from './claim-actions.ts';
import { claimRecord, type Claim, type ClaimChange, type EventChange, type EventRecord, type Link, type LinkChange } from './claim-records.ts';
import { updateEvent } from './event-actions.ts';
import { changeAnnotation, eventsOf, type Annotation, type AnnotationChange, type CollectionName } from './records.ts';

/** Each kind of record an editor can restore, with the change its editor makes. */
export interface Restorable {
  annotations: { record: Annotation; change: AnnotationChange };
  claims: { record: Claim; change: ClaimChange };
  links: { record: Link; change: LinkChange };
  events: { record: EventRecord; change: EventChange };
}

/** A restored record, and what it cited that could not come back, in the reader's words. */
export interface Restored<R> {
  /** The record as saved. */
  record: R;
  /** E.g. ["1 passage of its evidence", "1 event it was about"]; empty when all came back. */
  lost: string[];
}

/** Whether a record is there (in the working view, or set aside as damaged: ADR 0008). */
export type Present = (c: CollectionName, id: string) => boolean;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Adds `record` (deleted since this tab read it) back to `cs` with `change` applied. Links
 * need both claims: a link whose claim is gone too is refused as `invalid`, with a message.
 */
export function restoreRecord<C extends keyof Restorable>(
  cs: ChangeSet,
  c: C,
  record: Restorable[C]['record'],
  change: Restorable[C]['change'],
  present: Present,
  ctx: ActionContext,
): Restored<Restorable[C]['record']> {
  if (present(c, record.id)) throw invalid(`This ${c === 'annotations' ? 'annotation' : c.slice(0, -1)} is there again (made again in another tab); reopen it to edit.`);
  const has = (k: CollectionName) => (id: string) => present(k, id);
  switch (c) {
    case 'annotations': {
      const a = record as Annotation;
      const kept = eventsOf(a).filter(has('events'));
      const lost = eventsOf(a).length - kept.length;
      const base = lost ? changeAnnotation(a, { events: kept }, a.modified) : a;
      cs.put('annotations', base);
      const done = put(cs, 'annotations', base, changeAnnotation(base, change as AnnotationChange, ctx.now));
      return { record: done, lost: lost ? [count(lost, 'event it was about', 'events it was about')] : [] };
    }
    case 'claims': {
      const claim = record as Claim;
      const evidence = claim.evidence.filter((e) => present('annotations', e.annotation));
      const events = claim.events.filter(has('events'));
      cs.put('claims', claimRecord({ ...claim, evidence, events }));
      const lost = [
        ...(evidence.length < claim.evidence.length ? [count(claim.evidence.length - evidence.length, 'passage of its evidence', 'passages of its evidence')] : []),
        ...(events.length < claim.events.length ? [count(claim.events.length - events.length, 'event it was about', 'events it was about')] : []),
      ];
      return { record: updateClaim(cs, claim.id, change as ClaimChange, ctx), lost };
    }
    case 'links': {
      const link = record as Link;
      if (!present('claims', link.from) || !present('claims', link.to)) {
        throw invalid('A claim this link connects was deleted too, so the link cannot be restored. Copy your text if you want to keep it.');
      }
      cs.put('links', link);
      return { record: updateLink(cs, link.id, change as LinkChange, ctx), lost: [] };
    }
    default: {
      const event = record as EventRecord;
      cs.put('events', event);
      return { record: updateEvent(cs, event.id, change as EventChange, ctx), lost: [] };
    }
  }
}
