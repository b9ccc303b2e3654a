/**
 * Undo/redo history of local actions. Each entry is the diff one action
 * committed; undo commits its reverse, redo commits it again. Pure (the store
 * does the committing); tested in Node.
 */
import { diffIds, type StoreDiff } from './diff.ts';
import { RECORD_NOUN, type CollectionName } from './records.ts';

/** One undoable action. Compared by identity: keep the object to undo that action later. */
export interface UndoEntry {
  /** Short description for menus, e.g. "Delete 2 annotations". */
  readonly label: string;
  /** The diff the action committed. */
  readonly diff: StoreDiff;
}

/**
 * What an undo or redo did: done, or why not, in words for the reader
 * ("Can't undo “Merge claims”: another tab has changed the same claim since.").
 */
export type UndoOutcome = { readonly done: true; readonly label: string } | { readonly done: false; readonly reason: string };

/** An action that can be taken back on its own, also after later unrelated actions. */
export interface Undoable {
  /** What the action was, e.g. "Merge claims". */
  readonly label: string;
  /** Reverts this action (not whatever happened last); says why when it no longer can. */
  undo(): Promise<UndoOutcome>;
}

/** Default number of actions kept. */
export const DEFAULT_UNDO_LIMIT = 100;

function shared(a: StoreDiff, b: StoreDiff): CollectionName[] {
  const ids = diffIds(b);
  const mine = diffIds(a);
  return (Object.keys(ids) as CollectionName[]).filter((c) => {
    const theirs = new Set(ids[c]);
    return (mine[c] ?? []).some((id) => theirs.has(id));
  });
}

/** "a", "a and b", "a, b and c". */
function andList(words: readonly string[], none: string): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? none);
}

/** "claim", "claim and link": the kinds of record two diffs both touch. */
function nouns(collections: readonly CollectionName[]): string {
  return andList(collections.map((c) => RECORD_NOUN[c]), 'records');
}

/** The reader's words for an outcome that did nothing. */
export const cannot = (reason: string): UndoOutcome => ({ done: false, reason });

/**
 * Two stacks of entries. An entry's diff must match the current state of the
 * records it touches; the methods keep that true:
 * - a new action clears redo (its `from` states are gone);
 * - a remote change *overtakes* every entry touching a record it changed
 *   ({@link UndoHistory.forget}): undoing it would overwrite another tab's
 *   work, so it is never applied, but it stays known so that undo can say why
 *   instead of "Nothing to undo".
 */
export class UndoHistory {
  readonly #limit: number;
  #undo: UndoEntry[] = [];
  #redo: UndoEntry[] = [];
  /** Entries overtaken elsewhere: what changed them ("another tab changed the same claim"), for the reason. */
  readonly #overtaken = new WeakMap<UndoEntry, string>();
  /** Entries that left the stacks, with why: asked for later by a toast. */
  readonly #gone = new WeakMap<UndoEntry, string>();

  constructor(limit = DEFAULT_UNDO_LIMIT) {
    this.#limit = limit;
  }

  /** True when undo has an entry to revert or explain. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** True when redo has an entry to re-apply or explain. */
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** The entry undo would look at first (it may turn out to be overtaken), for menu labels. */
  get nextUndo(): UndoEntry | undefined {
    return this.#undo.at(-1);
  }

  /** The entry redo would look at first. */
  get nextRedo(): UndoEntry | undefined {
    return this.#redo.at(-1);
  }

  /** Number of entries on the undo stack (for tests and menus). */
  get undoDepth(): number {
    return this.#undo.length;
  }

  /**
   * The entry undo would revert — the latest, or `entry` — or the reason it
   * cannot be reverted. An overtaken or out-of-date entry asked for is dropped,
   * so the next undo moves on to the one before it.
   */
  undoable(entry?: UndoEntry): UndoEntry | UndoOutcome {
    const target = entry ?? this.#undo.at(-1);
    if (!target) return cannot('Nothing to undo.');
    const i = this.#undo.indexOf(target);
    if (i < 0) return cannot(this.#gone.get(target) ?? (this.#redo.includes(target) ? `“${target.label}” is already undone.` : `“${target.label}” can no longer be undone.`));
    const overtaken = this.#overtaken.get(target);
    if (overtaken) return this.#dropOvertaken(target, 'undo', overtaken);
    // Out of order only if no later action touched the same records; else its reverse is stale.
    const later = this.#undo.slice(i + 1).find((e) => shared(e.diff, target.diff).length > 0);
    if (later) return cannot(`Can't undo “${target.label}” yet: a later change (“${later.label}”) touched the same ${nouns(shared(later.diff, target.diff))}. Undo that first.`);
    return target;
  }

  /** The entry redo would re-apply, or why there is none. */
  redoable(): UndoEntry | UndoOutcome {
    const target = this.#redo.at(-1);
    if (!target) return cannot('Nothing to redo.');
    const overtaken = this.#overtaken.get(target);
    if (overtaken) return this.#dropOvertaken(target, 'redo', overtaken);
    return target;
  }

  #dropOvertaken(entry: UndoEntry, verb: 'undo' | 'redo', overtaken: string): UndoOutcome {
    const why = `Can't ${verb} “${entry.label}”: ${overtaken} since.`;
    this.drop(entry, why);
    return cannot(why);
  }

  /** Records a new local action; clears redo. */
  push(entry: UndoEntry): void {
    this.#undo.push(entry);
    for (const old of this.#undo.splice(0, Math.max(0, this.#undo.length - this.#limit))) {
      this.#gone.set(old, `“${old.label}” is too far back to undo (only the last ${this.#limit} actions are kept).`);
    }
    for (const e of this.#redo) this.#gone.set(e, `“${e.label}” can no longer be redone: something else was done since.`);
    this.#redo = [];
  }

  /** Moves an entry from undo to redo after its reverse was committed. */
  undone(entry: UndoEntry): void {
    const i = this.#undo.indexOf(entry);
    // Absent if a remote change dropped it while the reverse was being committed.
    if (i < 0) return;
    this.#undo.splice(i, 1);
    this.#redo.push(entry);
  }

  /** Moves an entry from redo back to undo after it was re-committed. */
  redone(entry: UndoEntry): void {
    const i = this.#redo.indexOf(entry);
    if (i < 0) return;
    this.#redo.splice(i, 1);
    this.#undo.push(entry);
  }

  /** Drops one entry from either stack, remembering why for anyone who asks for it later. */
  drop(entry: UndoEntry, why: string): void {
    this.#gone.set(entry, why);
    this.#undo = this.#undo.filter((e) => e !== entry);
    this.#redo = this.#redo.filter((e) => e !== entry);
  }

  /**
   * Marks every entry that touches a record changed elsewhere as overtaken;
   * `by` names who changed it, for the reason ("another tab", "a synced update").
   */
  forget(changed: StoreDiff, by = 'another tab'): void {
    for (const e of [...this.#undo, ...this.#redo]) {
      const common = shared(e.diff, changed);
      if (common.length === 0 || this.#overtaken.has(e)) continue;
      this.#overtaken.set(e, `${by} has changed the same ${nouns(common)}`);
    }
  }

  /** Forgets everything. */
  clear(): void {
    for (const e of [...this.#undo, ...this.#redo]) this.#gone.set(e, `“${e.label}” can no longer be undone.`);
    this.#undo = [];
    this.#redo = [];
  }
}

/** True when an undoable/redoable lookup found an entry rather than a reason. */
export function isEntry(x: UndoEntry | UndoOutcome): x is UndoEntry {
  return 'diff' in x;
}

const KIND: Record<string, string> = { annotations: 'a passage', claims: 'a claim', links: 'a link', events: 'an event', sources: 'a source' };

/**
 * Why an undo or redo cannot be committed, in the reader's words, from its integrity issues
 * ("<collection> <id> refers to …"): records it would restore point at something deleted
 * since, or records made since point at something it would remove.
 */
export function undoBlockers(issues: readonly string[], diff: StoreDiff): string {
  const own = new Set(Object.values(diffIds(diff)).flat());
  if (issues.some((i) => own.has(i.split(' ')[1] ?? ''))) return 'what it refers to has been deleted since';
  const kinds = [...new Set(issues.map((i) => KIND[i.split(' ')[0] ?? ''] ?? 'a record'))];
  return `${andList(kinds, 'a record')} made since ${issues.length === 1 ? 'depends' : 'depend'} on it`;
}
