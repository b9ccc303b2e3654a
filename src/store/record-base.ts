/**
 * What every record kind shares: who made it, how a new one is built, how tags are read and
 * kept, and the created/modified rule. Both `records.ts` (annotations, the collection list) and
 * `claim-records.ts` (claims, links, events) build on it; keeping it apart is what stops those
 * two from importing each other. Pure.
 */
import { deepEqual } from './equal.ts';

/** Replica id (`urn:uuid:`) → number of writes of the record by that replica (≥ 1). `{}` only on a record not yet saved. */
export type Version = Readonly<Record<string, number>>;

/** The person who wrote a record, as a display name only (no account exists). */
export interface Creator {
  type: 'Person';
  name: string;
}

/** Context for building records; injected so tests are deterministic. */
export interface BuildContext {
  id: string;
  /** ISO timestamp. */
  now: string;
  creatorName: string;
  /** Layer of the new record: the local layer for the reader's own records (ADR 0004). */
  layer: string;
}

/** Trim, drop blanks, drop duplicates; order kept so the UI shows what was typed. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag)) continue;
    seen.add(tag);
    out.push(tag);
  }
  return out;
}

/**
 * Tags as a reader types them in one field, `a, b, c`: split at commas and normalized
 * ({@link normalizeTags}). Every form that takes tags reads them with this.
 */
export function splitTags(text: string): string[] {
  return normalizeTags(text.split(','));
}

/*
 * The created/modified rule, for every record kind:
 * - a new record has `modified` equal to `created` (both the action's `now`);
 * - a change sets `modified` to the action's `now` ({@link modifiedAt}), but never before
 *   `created`: a clock set back must not make a record look edited before it was made;
 * - a change that alters nothing but `modified` is no change: it is not saved, so `modified`
 *   keeps saying when the record last really changed ({@link onlyTouched}).
 */

/** `modified` for a record changed at `now`; a clock set back must not precede `created`. */
export function modifiedAt(record: { created: string }, now: string): string {
  return now < record.created ? record.created : now;
}

/** True when two versions of a record differ in nothing but `modified`: such an edit saves nothing. */
export function onlyTouched<R extends { modified: string }>(a: R, b: R): boolean {
  return deepEqual({ ...a, modified: '' }, { ...b, modified: '' });
}
