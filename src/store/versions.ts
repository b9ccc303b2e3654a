/**
 * Record versions (ADR 0004). Every annotation, claim, link and event carries
 * a `version`: for each replica (one Crossread database) that ever wrote the
 * record, how many times it did — a version vector. It answers "changed since
 * we last saw it?" without trusting clocks: of two versions of one record,
 * one may include every write the other has (newer/older), both may be the
 * same, or each may have writes the other lacks (concurrent edits: a conflict).
 *
 * The store changes versions in one place, {@link stampDiff}, for every local
 * write (actions, undo, redo); records received from outside keep theirs.
 * Pure; tested in Node.
 */
import { setPart, type AnyRecord, type RecordsDiff, type StoreDiff } from './diff.ts';
import type { CollectionName } from './records.ts';
import type { Version } from './record-base.ts';

export type { Version } from './record-base.ts';

/** How version `a` relates to version `b`. */
export type VersionOrder = 'same' | 'newer' | 'older' | 'concurrent';

/** What a store writes with: its replica id and the layer its own records belong to. */
export interface StoreIdentity {
  /** Id of this database as a writer of versions; `urn:uuid:`, made when the database is created. */
  replica: string;
  /** Id of the local layer (the reader's own map); `urn:uuid:`. */
  layer: string;
}

/** `a` compared with `b`: `newer` when `a` has every write of `b` and more. */
export function compareVersions(a: Version, b: Version): VersionOrder {
  let more = false;
  let less = false;
  for (const replica of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[replica] ?? 0;
    const y = b[replica] ?? 0;
    if (x > y) more = true;
    if (x < y) less = true;
  }
  if (more && less) return 'concurrent';
  if (more) return 'newer';
  return less ? 'older' : 'same';
}

/** The least version including both (per replica, the larger count). */
export function mergeVersions(a: Version, b: Version): Version {
  const out: Record<string, number> = { ...a };
  for (const [replica, n] of Object.entries(b)) out[replica] = Math.max(out[replica] ?? 0, n);
  return out;
}

/** `version` plus one write by `replica`. */
export function bumpVersion(version: Version, replica: string): Version {
  return { ...version, [replica]: (version[replica] ?? 0) + 1 };
}

/** Collections whose records carry `layer` and `version`; settings stay with their installation. */
const VERSIONED: ReadonlySet<CollectionName> = new Set(['annotations', 'claims', 'links', 'events', 'sources']);

type Versioned = AnyRecord & { version: Version };

/** The latest version the store knows of a record: in memory, or as it was when deleted. */
export type VersionLookup = (c: CollectionName, id: string) => Version | undefined;

/**
 * `diff` as a local write by `replica`: every added or updated record gets a
 * version one write past both the latest version known of it (`known`) and the
 * one written. Based on what is known now, not on the diff's `from`, so undo
 * and redo of an entry recorded long ago still move versions forward (undoing
 * an edit writes the old content as a new version: to everyone else the record
 * changed again), and a record deleted and restored never goes back to an
 * older version. Except what `exact` picks: undo and redo putting back another
 * layer's record as it was (a removed map, an undone import), whose version
 * still names exactly that content (ADR 0013): stamped, the next version of
 * that map would arrive as a conflict with this reader's "edit".
 */
export function stampDiff(diff: StoreDiff, replica: string, known: VersionLookup, exact?: (record: AnyRecord) => boolean): StoreDiff {
  const out: StoreDiff = {};
  for (const c of Object.keys(diff) as CollectionName[]) {
    const part = diff[c];
    if (!part) continue;
    const stamp = (record: AnyRecord): AnyRecord => {
      if (!VERSIONED.has(c)) return record;
      const written = (record as Versioned).version;
      return { ...record, version: bumpVersion(mergeVersions(known(c, record.id) ?? {}, written), replica) };
    };
    const next: RecordsDiff<AnyRecord> = { added: {}, updated: {}, removed: { ...part.removed } };
    for (const [id, record] of Object.entries<AnyRecord>(part.added)) next.added[id] = exact?.(record) ? record : stamp(record);
    for (const [id, [from, to]] of Object.entries<[AnyRecord, AnyRecord]>(part.updated)) next.updated[id] = [from, stamp(to)];
    setPart(out, c, next);
  }
  return out;
}

/** The version of a record, if it has one (settings do not). */
export function versionOf(record: AnyRecord | undefined): Version | undefined {
  return record && 'version' in record ? record.version : undefined;
}

/**
 * An action's result with every record it wrote replaced by that record as
 * committed by {@link stampDiff} (same object → its stamped copy), so callers
 * hold what the store holds. Handles one record or an array of them; anything
 * else is returned as is.
 */
export function asCommitted<T>(value: T, written: StoreDiff, committed: StoreDiff): T {
  const swap = new Map<unknown, unknown>();
  for (const c of Object.keys(written) as CollectionName[]) {
    const before = written[c];
    const after = committed[c];
    if (!before || !after) continue;
    for (const [id, record] of Object.entries(before.added)) swap.set(record, after.added[id]);
    for (const [id, [, to]] of Object.entries(before.updated)) swap.set(to, after.updated[id]?.[1]);
  }
  const one = (x: unknown) => swap.get(x) ?? x;
  return (Array.isArray(value) ? value.map(one) : one(value)) as T;
}
