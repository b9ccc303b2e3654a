/**
 * Referential integrity: no record ever points at a record that does not
 * exist (ADR 0003). The store checks every diff before committing it (an
 * action that would break a reference is refused as `invalid`; an undo or
 * redo that would is not done), so no sequence of actions, undos and redos
 * can leave a dangling reference. Persistence checks the same diff again
 * inside its write transaction ({@link commitReads}, {@link commitIssues}),
 * against what the database holds then, so two tabs racing cannot either.
 * Pure; tested in Node.
 */
import * as v from 'valibot';
import { ChangeSet } from './changeset.ts';
import { diffCollections, emptyState, type AnyRecord, type DiffIds, type RecordsDiff, type StoreDiff, type StoreState } from './diff.ts';
import { linkKey, type Link } from './claim-records.ts';
import { StoreError } from './errors.ts';
import { recordProblems, RecordSchemas } from './schemas.ts';
import { COLLECTION_NAMES, eventsOf, type CollectionName, type Collections } from './records.ts';

/**
 * Ids of records that exist in the database but are set aside as damaged
 * (`quarantine.ts`), per collection. A reference to one is not dangling: the
 * record is there, only unreadable, and a valid record citing it still saves.
 */
export type SetAside = { [C in CollectionName]?: ReadonlySet<string> };

/** Ids a record points at, by the collection they live in. */
export function referencesOf<C extends CollectionName>(c: C, record: Collections[C]): DiffIds {
  switch (c) {
    case 'annotations':
      return { events: eventsOf(record as Collections['annotations']) };
    case 'claims': {
      const claim = record as Collections['claims'];
      return { annotations: claim.evidence.map((e) => e.annotation), events: claim.events };
    }
    case 'links': {
      const link = record as Collections['links'];
      return { claims: [link.from, link.to] };
    }
    default:
      return {};
  }
}

/** Which collections hold references into each collection. */
const REFERRERS: { [C in CollectionName]: readonly CollectionName[] } = {
  annotations: ['claims'],
  settings: [],
  claims: ['links'],
  links: [],
  events: ['annotations', 'claims'],
  sources: [],
};

function recordIssues<C extends CollectionName>(view: ChangeSet, c: C, record: Collections[C], setAside: SetAside = {}): string[] {
  const issues: string[] = [];
  const refs = referencesOf(c, record);
  for (const target of Object.keys(refs) as CollectionName[]) {
    for (const id of refs[target]!) {
      if (view.get(target, id) === undefined && !setAside[target]?.has(id)) issues.push(`${c} ${record.id} refers to missing ${target} ${id}`);
    }
  }
  if (c === 'links') {
    const link = record as Link;
    if (link.from === link.to) issues.push(`links ${link.id} joins a claim to itself`);
  }
  return issues;
}

function duplicateLinks(links: Iterable<Link>, touched?: ReadonlySet<string>): string[] {
  const byKey = new Map<string, Link>();
  const issues: string[] = [];
  for (const link of links) {
    const key = linkKey(link);
    const other = byKey.get(key);
    if (other && (!touched || touched.has(link.id) || touched.has(other.id))) {
      issues.push(`links ${other.id} and ${link.id} are duplicates (${link.relation})`);
    }
    byKey.set(key, link);
  }
  return issues;
}

/** `state` as it would be after `diff`, without touching it. */
function viewAfter(state: StoreState, diff: StoreDiff): ChangeSet {
  const view = new ChangeSet(state);
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!; // typed: Object.values of a union of parts is any[]
    for (const id of Object.keys(part.removed)) view.remove(c, id);
    for (const record of Object.values(part.added)) view.put(c, record);
    for (const [, to] of Object.values(part.updated)) view.put(c, to);
  }
  return view;
}

/**
 * What would be broken after applying `diff` to `state`, checking only what
 * the diff touches: references from added and updated records, references to
 * removed records, duplicate links. Empty when the diff keeps integrity.
 * Records in `setAside` exist (references to them hold) but are not read:
 * what a damaged record cites is unknown, so it constrains nothing.
 */
export function integrityIssues(state: StoreState, diff: StoreDiff, setAside: SetAside = {}): string[] {
  const view = viewAfter(state, diff);
  const issues: string[] = [];
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!;
    for (const record of Object.values(part.added)) issues.push(...recordIssues(view, c, record, setAside));
    for (const [, to] of Object.values(part.updated)) issues.push(...recordIssues(view, c, to, setAside));
    const gone = new Set(Object.keys(part.removed).filter((id) => view.get(c, id) === undefined));
    if (gone.size === 0) continue;
    for (const r of REFERRERS[c]) {
      for (const record of view.values(r)) {
        for (const id of referencesOf(r, record)[c] ?? []) {
          if (gone.has(id)) issues.push(`${r} ${record.id} refers to removed ${c} ${id}`);
        }
      }
    }
  }
  const links = diff.links;
  if (links && (Object.keys(links.added).length > 0 || Object.keys(links.updated).length > 0)) {
    issues.push(...duplicateLinks(view.values('links'), new Set([...Object.keys(links.added), ...Object.keys(links.updated)])));
  }
  return issues;
}

/**
 * Refuses, as `invalid`, a diff an action made: a record that fails its
 * schema, or a reference that would dangle in `state`. Nothing is saved.
 */
export function refuseInvalid(state: StoreState, diff: StoreDiff, setAside: SetAside = {}): void {
  const problems = recordProblems(diff);
  if (problems.length > 0) throw new StoreError('invalid', { message: `Invalid record: ${problems.join('; ')}` });
  const issues = integrityIssues(state, diff, setAside);
  if (issues.length > 0) throw new StoreError('invalid', { message: `Dangling reference: ${issues.join('; ')}` });
}

/** Every integrity problem of a whole state (for imports and tests). */
export function stateIssues(state: StoreState): string[] {
  const view = new ChangeSet(state);
  const issues: string[] = [];
  const check = <C extends CollectionName>(c: C) => {
    for (const record of state[c].values()) issues.push(...recordIssues(view, c, record));
  };
  check('annotations');
  check('claims');
  check('links');
  issues.push(...duplicateLinks(state.links.values()));
  return issues;
}

/**
 * What a persistence must read, after queueing a diff's writes and inside the
 * same transaction, for {@link commitIssues} to see every record the diff's
 * integrity depends on. Only what the diff touches; whole collections only
 * when the diff removes records they may cite (no index can find them).
 */
export interface CommitReads {
  /** Records to get by id: every id an added or updated record refers to. */
  ids: DiffIds;
  /** Collections to read whole: claims when annotations go; annotations and claims when events go. */
  whole: CollectionName[];
  /** Claims whose links to read through `by-from`: removed claims, and both ends of added or updated links (duplicates). */
  linksFrom: string[];
  /** Claims whose links to read through `by-to`: removed claims. */
  linksTo: string[];
}

/** Which collections records of each collection point into (links: into links too, for duplicates). */
const REFERENCED: { [C in CollectionName]: readonly CollectionName[] } = {
  annotations: ['events'],
  settings: [],
  claims: ['annotations', 'events'],
  links: ['claims', 'links'],
  events: [],
  sources: [],
};

/**
 * The object stores a commit's transaction must cover: those the diff writes
 * and those {@link commitReads} reads — for any record an update may end up
 * with after a merge with another tab's write (`commit-plan.ts`), whose
 * references the diff alone does not list.
 */
export function commitScope(diff: StoreDiff): CollectionName[] {
  const reads = commitReads(diff);
  const scope = new Set<CollectionName>([...diffCollections(diff), ...reads.whole, ...(Object.keys(reads.ids) as CollectionName[])]);
  if (reads.linksFrom.length + reads.linksTo.length > 0) scope.add('links');
  for (const c of diffCollections(diff)) {
    if (Object.keys(diff[c]!.updated).length > 0) for (const r of REFERENCED[c]) scope.add(r);
  }
  return COLLECTION_NAMES.filter((c) => scope.has(c));
}

/** The reads {@link commitIssues} needs for `diff` (see {@link CommitReads}). */
export function commitReads(diff: StoreDiff): CommitReads {
  const ids: { [C in CollectionName]?: Set<string> } = {};
  const whole = new Set<CollectionName>();
  const linksFrom = new Set<string>();
  const linksTo = new Set<string>();
  const refer = <C extends CollectionName>(c: C, record: Collections[C]) => {
    const refs = referencesOf(c, record);
    for (const target of Object.keys(refs) as CollectionName[]) {
      for (const id of refs[target]!) (ids[target] ??= new Set()).add(id);
    }
    if (c === 'links') for (const id of refs.claims!) linksFrom.add(id);
  };
  for (const c of diffCollections(diff)) {
    const part: RecordsDiff<AnyRecord> = diff[c]!;
    for (const record of Object.values(part.added)) refer(c, record);
    for (const [, to] of Object.values(part.updated)) refer(c, to);
    const removed = Object.keys(part.removed);
    if (removed.length === 0) continue;
    for (const r of REFERRERS[c]) {
      if (r !== 'links') whole.add(r);
      else {
        for (const id of removed) {
          linksFrom.add(id);
          linksTo.add(id);
        }
      }
    }
  }
  const out: DiffIds = {};
  for (const c of Object.keys(ids) as CollectionName[]) out[c] = [...ids[c]!];
  return { ids: out, whole: [...whole], linksFrom: [...linksFrom], linksTo: [...linksTo] };
}

/**
 * The violations `diff` causes, given `found`: records read after its writes
 * were queued, holding at least what {@link commitReads} lists (absent = no
 * such record). Empty when the diff may commit. Every record in `found` is
 * real, so a partial read can miss nothing {@link commitReads} asks for and
 * never reports a false violation.
 */
export function commitIssues(diff: StoreDiff, found: StoreState): string[] {
  // Read back from the database, `found` may hold damaged records set aside on load: they exist, unread.
  const valid = emptyState();
  const setAside: { [C in CollectionName]?: Set<string> } = {};
  for (const c of COLLECTION_NAMES) {
    for (const [id, record] of found[c] as Map<string, AnyRecord>) {
      if (v.is(RecordSchemas[c], record)) (valid[c] as Map<string, AnyRecord>).set(id, record);
      else (setAside[c] ??= new Set()).add(id);
    }
  }
  // Re-applying the diff to what already includes its writes changes nothing; the checker is the same.
  return integrityIssues(valid, diff, setAside);
}

/** What {@link commitReads} would read from `state` after `diff`'s writes, synchronously (memory persistence, tests). */
export function readAfter(state: StoreState, diff: StoreDiff): StoreState {
  const view = viewAfter(state, diff);
  const reads = commitReads(diff);
  const found = emptyState();
  const keep = (c: CollectionName, record: AnyRecord | undefined) => {
    if (record) (found[c] as Map<string, AnyRecord>).set(record.id, record);
  };
  for (const c of Object.keys(reads.ids) as CollectionName[]) for (const id of reads.ids[c]!) keep(c, view.get(c, id));
  for (const c of reads.whole) for (const record of view.values(c)) keep(c, record);
  const from = new Set(reads.linksFrom);
  const to = new Set(reads.linksTo);
  for (const link of view.values('links')) if (from.has(link.from) || to.has(link.to)) keep('links', link);
  return found;
}
