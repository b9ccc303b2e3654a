/**
 * The one door for records made elsewhere (ADR 0004): an import file now, a
 * sync engine later. {@link planReceive} turns a batch of records and
 * deletions into one diff against the current state, or refuses the whole
 * batch; the store (`receive()` in engine.ts) commits that diff in one
 * transaction. Pure; tested in Node.
 *
 * Merge rule, per record, by version (`versions.ts`), never by clock:
 * - unknown here → added;
 * - incoming newer → updated; incoming same (and equal) or older → unchanged;
 * - concurrent (each side has writes the other lacks), the same version with
 *   other content, or another layer for the same id → a conflict: reported,
 *   the local record kept, nothing decided for the reader. Concurrent versions
 *   whose content differs only in `modified` are no conflict: the versions are
 *   joined and the later `modified` kept.
 * - a deletion removes the local record only if the sender had seen every
 *   local write of it (its version is not newer than the one deleted);
 *   otherwise it is a conflict too.
 */
import * as v from 'valibot';
import { emptyRecordsDiff, sameRecord, setPart, type AnyRecord, type RecordsDiff, type StoreDiff, type StoreState } from './diff.ts';
import { StoreError } from './errors.ts';
import { integrityIssues, type SetAside } from './integrity.ts';
import type { ChangeSet } from './changeset.ts';
import { arrivingLayers, type IncomingLayer } from './layers.ts';
import type { CollectionName, Collections } from './records.ts';
import { describeIssues, RecordIdSchema, RecordSchemas, VersionSchema } from './schemas.ts';
import type { Undoable } from './undo.ts';
import { compareVersions, mergeVersions, type Version } from './versions.ts';

/** Where records from outside come from; subscribers see it as the change's origin. */
export type ReceiveOrigin = 'import' | 'sync';

/** Collections that travel between readers; settings stay with their installation. */
export type SharedCollection = Exclude<CollectionName, 'settings'>;

/** A record of a {@link SharedCollection}: it has a `layer` and a `version`. */
export type SharedRecord = Collections[SharedCollection];

/** Every {@link SharedCollection}. */
export const SHARED_COLLECTIONS: readonly SharedCollection[] = ['annotations', 'claims', 'links', 'events', 'sources'];

/** A record made elsewhere. `record` is untrusted: it is validated against the collection's schema. */
export interface IncomingRecord {
  collection: SharedCollection;
  record: unknown;
}

/** A deletion made elsewhere: the record's id and the version the sender deleted. */
export interface IncomingRemoval {
  collection: SharedCollection;
  id: string;
  version: Version;
}

/** What `receive()` takes: records to add or update and records to delete, all applied together or not at all. */
export interface IncomingBatch {
  put?: readonly IncomingRecord[];
  remove?: readonly IncomingRemoval[];
  /** Who the layers of these records are: written as `layer:<id>` settings in the same step (ADR 0013). */
  layers?: readonly IncomingLayer[];
}

/** Why an incoming record or deletion was not applied. */
export type ConflictReason =
  /** Both sides changed the record since they last agreed. */
  | 'concurrent'
  /** Same version, different content: one side's data is corrupt or forged. */
  | 'diverged'
  /** The id exists here in another layer (someone else's map). */
  | 'layer'
  /** A deletion of a record changed here since the sender saw it. */
  | 'changed-since-deleted';

/** A record that exists here in a form the incoming one cannot simply replace. Nothing was changed for it. */
export interface Conflict {
  collection: SharedCollection;
  id: string;
  reason: ConflictReason;
  /** The record as it is here (and stays). */
  local: SharedRecord;
  /** The incoming record; absent for a deletion. */
  incoming?: SharedRecord;
  /** For a deletion: the version the sender deleted. */
  deleted?: Version;
}

/** Which side of a conflict to keep. */
export type ConflictChoice = 'mine' | 'theirs';

/** Counts for the reader ("12 added, 3 unchanged, 1 conflict"). */
export interface ReceiveSummary {
  added: number;
  updated: number;
  /** Already here in the same or a newer version, or a deletion of a record not here. */
  unchanged: number;
  removed: number;
  conflicts: number;
}

/** What a batch amounts to against a state. */
export interface ReceivePlan {
  /** The diff to commit; empty when nothing changes. */
  diff: StoreDiff;
  summary: ReceiveSummary;
  conflicts: Conflict[];
}

const SHARED: ReadonlySet<string> = new Set(SHARED_COLLECTIONS);

// The door refuses `{}`: only a record saved somewhere can be received, and `{}` would sort before every version.
const IncomingVersionSchema = v.pipe(VersionSchema, v.check((version) => Object.keys(version).length > 0, 'must name at least one write'));

type Part = RecordsDiff<AnyRecord>;

/**
 * The diff `batch` makes against `state`, with a summary and the conflicts
 * left undecided. Throws a `StoreError` of kind `invalid` — listing every
 * problem with its place in the batch, e.g. `put[2] claims urn:uuid:…:
 * statement: Invalid length` — when a record fails its schema, a collection is
 * unknown, an id appears twice, or the result would leave a reference
 * dangling (checked for the whole batch against the state at once, so a
 * record may cite another that arrives in the same batch). A record may cite
 * one in `setAside`, damaged here but present (`quarantine.ts`). The batch's `layers` become
 * settings (`arrivingLayers`), none for the reader's own layer `local`.
 */
export function planReceive(state: StoreState, batch: IncomingBatch, setAside: SetAside = {}, local?: string): ReceivePlan {
  const problems: string[] = [];
  const seen = new Set<string>();
  const once = (where: string, c: string, id: string) => {
    const key = `${c} ${id}`;
    if (seen.has(key)) problems.push(`${where}: ${key} appears more than once in the batch`);
    seen.add(key);
  };
  const puts: { c: SharedCollection; record: AnyRecord }[] = [];
  (batch.put ?? []).forEach((item, i) => {
    const where = `put[${i}]`;
    if (!SHARED.has(item.collection)) return void problems.push(`${where}: cannot receive records of collection "${String(item.collection)}"`);
    const c = item.collection;
    const id = (item.record as { id?: unknown } | null)?.id;
    const label = `${where} ${c}${typeof id === 'string' ? ` ${id}` : ''}`;
    const parsed = v.safeParse(RecordSchemas[c], item.record);
    if (!parsed.success) return void problems.push(...describeIssues(parsed.issues).map((p) => `${label}: ${p}`));
    const version = v.safeParse(IncomingVersionSchema, (parsed.output as { version: Version }).version);
    if (!version.success) problems.push(...describeIssues(version.issues).map((p) => `${label}: version: ${p}`));
    once(where, c, parsed.output.id);
    // The parsed copy: keys in schema order, nothing shared with the caller's object.
    puts.push({ c, record: parsed.output });
  });
  const removes: IncomingRemoval[] = [];
  (batch.remove ?? []).forEach((item, i) => {
    const where = `remove[${i}]`;
    if (!SHARED.has(item.collection)) return void problems.push(`${where}: cannot remove records of collection "${String(item.collection)}"`);
    const id = v.safeParse(RecordIdSchema, item.id);
    if (!id.success) problems.push(...describeIssues(id.issues).map((p) => `${where}: id: ${p}`));
    const version = v.safeParse(IncomingVersionSchema, item.version);
    if (!version.success) problems.push(...describeIssues(version.issues).map((p) => `${where}: version: ${p}`));
    once(where, item.collection, item.id);
    removes.push(item);
  });
  const layers = arrivingLayers(state.settings, batch.layers ?? [], local);
  problems.push(...layers.problems);
  if (problems.length > 0) throw invalidBatch(problems);

  const parts = new Map<SharedCollection, Part>();
  const part = (c: SharedCollection): Part => {
    let p = parts.get(c);
    if (!p) parts.set(c, (p = emptyRecordsDiff<AnyRecord>()));
    return p;
  };
  const summary: ReceiveSummary = { added: 0, updated: 0, unchanged: 0, removed: 0, conflicts: 0 };
  const conflicts: Conflict[] = [];
  const conflict = (c: SharedCollection, reason: ConflictReason, local: SharedRecord, incoming?: SharedRecord) => {
    conflicts.push({ collection: c, id: local.id, reason, local, ...(incoming ? { incoming } : {}) });
    summary.conflicts++;
  };

  for (const { c, record } of puts) {
    const local = (state[c] as ReadonlyMap<string, AnyRecord>).get(record.id);
    if (!local) {
      part(c).added[record.id] = record;
      summary.added++;
      continue;
    }
    const [mine, theirs] = [local, record] as [SharedRecord, SharedRecord];
    if (mine.layer !== theirs.layer) {
      conflict(c, 'layer', mine, theirs);
      continue;
    }
    const sameContent = sameRecord({ ...mine, version: undefined }, { ...theirs, version: undefined });
    switch (compareVersions(theirs.version, mine.version)) {
      case 'same':
        if (sameContent) summary.unchanged++;
        else conflict(c, 'diverged', mine, theirs);
        break;
      case 'older':
        summary.unchanged++;
        break;
      case 'newer':
        part(c).updated[record.id] = [local, record];
        summary.updated++;
        break;
      case 'concurrent': {
        // Both sides made the same change (at different times): nothing to decide, only versions to join.
        const modified = mine.modified > theirs.modified ? mine.modified : theirs.modified;
        const untimed = (r: Shared) => ({ ...r, version: undefined, modified: undefined });
        if (!sameRecord(untimed(mine), untimed(theirs))) {
          conflict(c, 'concurrent', mine, theirs);
          break;
        }
        part(c).updated[record.id] = [local, { ...record, modified, version: mergeVersions(mine.version, theirs.version) }];
        summary.updated++;
        break;
      }
    }
  }
  for (const { collection: c, id, version } of removes) {
    const local = (state[c] as ReadonlyMap<string, AnyRecord>).get(id);
    if (!local) {
      summary.unchanged++;
      continue;
    }
    const order = compareVersions((local as Shared).version, version);
    if (order === 'same' || order === 'older') {
      part(c).removed[id] = local;
      summary.removed++;
    } else {
      conflicts.push({ collection: c, id, reason: 'changed-since-deleted', local: local as SharedRecord, deleted: version });
      summary.conflicts++;
    }
  }

  const diff: StoreDiff = {};
  for (const [c, p] of parts) setPart(diff, c, p as RecordsDiff<Collections[typeof c]>);
  if (Object.keys(layers.part.added).length + Object.keys(layers.part.updated).length > 0) setPart(diff, 'settings', layers.part);
  const issues = integrityIssues(state, diff, setAside);
  if (issues.length > 0) throw invalidBatch(issues.map((issue) => `integrity: ${issue}`));
  return { diff, summary, conflicts };
}

type Shared = SharedRecord;

/** Undo label of an import: "Import stu-map.json" when named, else "Import 1 record", "Import 12 records". */
export function importLabel(summary: ReceiveSummary, name?: string): string {
  if (name) return `Import ${name}`;
  const n = summary.added + summary.updated + summary.removed;
  return `Import ${n} record${n === 1 ? '' : 's'}`;
}

/**
 * Settles a conflict {@link planReceive} reported, as a local write into `cs`:
 * the chosen side (`theirs` of a deletion deletes) with a version joining both
 * sides, which the store then stamps one write further. The result is newer
 * than both, so the same incoming record is unchanged next time instead of a
 * conflict again. (A deletion overruled by `mine` conflicts again if the same
 * deletion is received again: the store keeps no record of deletions.)
 * Refused as `invalid` when the local record changed since the conflict was
 * reported, and for an id found in another layer, which no choice settles.
 * Undoing a resolution restores the local content as a newer write, which has
 * seen theirs: undoing "take theirs" amounts to keeping mine.
 */
export function resolveConflict(cs: ChangeSet, conflict: Conflict, keep: ConflictChoice): SharedRecord | undefined {
  const { collection: c, id } = conflict;
  if (conflict.reason === 'layer') {
    throw new StoreError('invalid', { message: `${c} ${id} exists in two layers; it cannot be resolved by choosing a side.` });
  }
  const local = cs.get<SharedCollection>(c, id);
  if (!local || !sameRecord(local, conflict.local)) {
    throw new StoreError('invalid', { message: `${c} ${id} changed since the conflict was found; receive the records again.` });
  }
  const incoming = conflict.incoming;
  const version = mergeVersions(local.version, incoming?.version ?? conflict.deleted ?? {});
  if (keep === 'theirs' && !incoming) {
    cs.remove(c, id);
    return undefined;
  }
  const record = { ...(keep === 'mine' ? local : incoming ?? local), version };
  cs.put<SharedCollection>(c, record);
  return record;
}

/**
 * What `receive()` did: the plan as committed, with its origin, and the import's
 * own undo handle: one step (restores what it replaced, deletes what it added),
 * even after later unrelated actions; it says why when it no longer can, and a
 * `sync` has nothing to undo here.
 */
export interface ReceiveResult extends ReceivePlan, Undoable {
  origin: ReceiveOrigin;
}

function invalidBatch(problems: string[]): StoreError {
  return new StoreError('invalid', {
    message: `Nothing was received: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`,
    cause: problems,
  });
}
