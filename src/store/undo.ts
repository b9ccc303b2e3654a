/**
 * Undo/redo history of local actions. Each entry is the diff one action
 * committed; undo commits its reverse, redo commits it again. Pure (the store
 * does the committing); tested in Node.
 */
import { diffIds, type StoreDiff } from './diff.ts';
import type { CollectionName } from './records.ts';

/** One undoable action. Compared by identity: keep the object to undo that action later. */
export interface UndoEntry {
  /** Short description for menus, e.g. "Delete 2 annotations". */
  readonly label: string;
  /** The diff the action committed. */
  readonly diff: StoreDiff;
}

/** Default number of actions kept. */
export const DEFAULT_UNDO_LIMIT = 100;

function touches(entry: UndoEntry, c: CollectionName, ids: ReadonlySet<string>): boolean {
  return (diffIds(entry.diff)[c] ?? []).some((id) => ids.has(id));
}

function overlaps(a: UndoEntry, b: UndoEntry): boolean {
  const ids = diffIds(b.diff);
  return (Object.keys(ids) as CollectionName[]).some((c) => touches(a, c, new Set(ids[c])));
}

/**
 * Two stacks of entries. An entry's diff must match the current state of the
 * records it touches; the methods keep that true:
 * - a new action clears redo (its `from` states are gone);
 * - a remote change drops every entry touching a record it changed
 *   ({@link UndoHistory.forget}); undoing it would overwrite another tab's work.
 */
export class UndoHistory {
  readonly #limit: number;
  #undo: UndoEntry[] = [];
  #redo: UndoEntry[] = [];

  constructor(limit = DEFAULT_UNDO_LIMIT) {
    this.#limit = limit;
  }

  /** True when {@link UndoHistory.undoable} would return an entry. */
  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** True when {@link UndoHistory.redoable} would return an entry. */
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Number of entries on the undo stack (for tests and menus). */
  get undoDepth(): number {
    return this.#undo.length;
  }

  /** The entry `undo()` would revert: the latest, or `entry` if it can be undone out of order. */
  undoable(entry?: UndoEntry): UndoEntry | undefined {
    if (entry === undefined) return this.#undo.at(-1);
    const i = this.#undo.indexOf(entry);
    if (i < 0) return undefined;
    // Out of order only if no later action touched the same records; else its reverse is stale.
    return this.#undo.slice(i + 1).some((later) => overlaps(later, entry)) ? undefined : entry;
  }

  /** The entry `redo()` would re-apply. */
  redoable(): UndoEntry | undefined {
    return this.#redo.at(-1);
  }

  /** Records a new local action; clears redo. */
  push(entry: UndoEntry): void {
    this.#undo.push(entry);
    if (this.#undo.length > this.#limit) this.#undo.splice(0, this.#undo.length - this.#limit);
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

  /** Drops one entry from either stack, e.g. one that can no longer be applied without breaking a reference. */
  discard(entry: UndoEntry): void {
    this.#undo = this.#undo.filter((e) => e !== entry);
    this.#redo = this.#redo.filter((e) => e !== entry);
  }

  /** Drops every entry that touches a record another tab changed. */
  forget(changed: StoreDiff): void {
    const ids = diffIds(changed);
    const keep = (e: UndoEntry) =>
      !(Object.keys(ids) as CollectionName[]).some((c) => touches(e, c, new Set(ids[c])));
    this.#undo = this.#undo.filter(keep);
    this.#redo = this.#redo.filter(keep);
  }

  /** Forgets everything. */
  clear(): void {
    this.#undo = [];
    this.#redo = [];
  }
}
