/**
 * The one store of the app: records in memory for synchronous reads, every
 * change a diff committed to persistence in one transaction, then applied to
 * memory, then announced to subscribers and to other tabs.
 */
import * as v from 'valibot';
import {
  applyDiff,
  collectionDiff,
  deepFreeze,
  diffIds,
  emptyState,
  isEmptyDiff,
  reconcileRecords,
  reverseDiff,
  sameRecord,
  setPart,
  stateAsDiff,
  type AnyRecord,
  type StoreDiff,
  type StoreState,
} from './diff.ts';
import { StoreError, StoreErrorEvent, toStoreError, type StoreEventMap } from './errors.ts';
import { MemoryPersistence } from './memory-persistence.ts';
import { DB_NAME, openIdbPersistence, type Persistence, type PersistenceOpener } from './persistence.ts';
import {
  ANONYMOUS,
  buildAnnotation,
  changeAnnotation,
  newRecordId,
  tagsOf,
  type Annotation,
  type AnnotationChange,
  type AnnotationDraft,
  type CollectionName,
  type Collections,
} from './records.ts';
import { describeIssues, RecordSchemas } from './schemas.ts';
import { TabSync } from './sync.ts';
import { UndoHistory, type UndoEntry } from './undo.ts';

/** Why subscribers are told about a diff. */
export type ChangeOrigin = 'local' | 'remote' | 'undo' | 'redo';

/** Called after every diff applied to memory. Records in the diff are frozen. */
export type StoreListener = (diff: StoreDiff, origin: ChangeOrigin) => void;

/** Options for {@link CrossreadStore}; all optional, mainly for tests. */
export interface StoreOptions {
  /** Database name; default {@link DB_NAME}. */
  name?: string;
  /** Default: IndexedDB, falling back to memory when it fails to open. */
  openPersistence?: PersistenceOpener;
  /** Actions kept for undo; default 100. */
  undoLimit?: number;
  /** BroadcastChannel name; default `crossread`. */
  channelName?: string;
  /** Clock returning ISO timestamps. */
  now?: () => string;
  /** Id generator; default `urn:uuid:` + random UUID. */
  newId?: () => string;
}

/** What {@link CrossreadStore.deleteAnnotations} returns, e.g. for an "Undo" button in a toast. */
export interface DeleteResult {
  /** The annotations that were deleted (ids that did not exist are skipped). */
  removed: readonly Annotation[];
  /** Restores exactly these annotations, even after later unrelated actions; false if no longer possible. */
  undo(): Promise<boolean>;
}

/** Typed listeners for the events in {@link StoreEventMap}. */
export interface CrossreadStore {
  addEventListener<K extends keyof StoreEventMap>(
    type: K,
    listener: (event: StoreEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StoreEventMap>(
    type: K,
    listener: (event: StoreEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * The app's data. Create it, listen for `store-error`, `await open()`, then
 * hand it down to components, which read synchronously and call actions.
 * Actions run one at a time in call order; each resolves after its change
 * is saved and visible, or rejects with a {@link StoreError} having changed
 * nothing, in memory or on disk.
 *
 * @fires store-error - {@link StoreErrorEvent}: storage unavailable, full, blocked, outdated or failed.
 */
export class CrossreadStore extends EventTarget {
  readonly #options: StoreOptions;
  readonly #state = emptyState();
  readonly #listeners = new Set<StoreListener>();
  readonly #history: UndoHistory;
  #persistence: Persistence | undefined;
  #sync: TabSync | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #warning: StoreError | undefined;
  #bySource: Map<string, readonly Annotation[]> | undefined;

  constructor(options: StoreOptions = {}) {
    super();
    this.#options = options;
    this.#history = new UndoHistory(options.undoLimit);
  }

  /** All annotations by id. Read-only view of live state; records are frozen. */
  get annotations(): ReadonlyMap<string, Annotation> {
    return this.#state.annotations;
  }

  /** The reader's display name, if set. */
  get creatorName(): string | undefined {
    return this.#state.settings.get('creatorName')?.value;
  }

  /** Where changes go: `indexeddb`, `memory` (nothing survives the tab), or `undefined` before `open()`. */
  get mode(): Persistence['mode'] | undefined {
    return this.#persistence?.mode;
  }

  /** A lasting problem the UI should keep visible (memory mode, outdated, closed), if any. */
  get warning(): StoreError | undefined {
    return this.#warning;
  }

  /** True when `undo()` has an action to revert. */
  get canUndo(): boolean {
    return this.#history.canUndo;
  }

  /** True when `redo()` has an action to re-apply. */
  get canRedo(): boolean {
    return this.#history.canRedo;
  }

  /** Label of the action `undo()` would revert, for a menu item. */
  get undoLabel(): string | undefined {
    return this.#history.undoable()?.label;
  }

  /** Label of the action `redo()` would re-apply. */
  get redoLabel(): string | undefined {
    return this.#history.redoable()?.label;
  }

  /**
   * Opens storage and loads every record. Never rejects for storage trouble:
   * without IndexedDB the store runs in memory and reports `unavailable`.
   */
  async open(): Promise<void> {
    if (this.#persistence) return;
    const name = this.#options.name ?? DB_NAME;
    const hooks = { onError: (error: StoreError) => this.#fail(error) };
    let persistence: Persistence | undefined;
    let loaded: StoreState;
    try {
      persistence = await (this.#options.openPersistence ?? openIdbPersistence)(name, hooks);
      loaded = await persistence.loadAll();
    } catch (error) {
      const e = toStoreError(error);
      // Opened but unreadable: let go of it so it does not block other tabs' upgrades.
      persistence?.close();
      persistence = new MemoryPersistence();
      loaded = emptyState();
      this.#fail(e.kind === 'outdated' ? e : new StoreError('unavailable', { cause: error }));
    }
    this.#persistence = persistence;
    // Loaded records did not come from this tab's actions, hence `remote`; not undoable.
    this.#apply(stateAsDiff(loaded), 'remote');
    if (persistence.shared) this.#sync = new TabSync(name, (diff) => this.#onRemote(diff), this.#options.channelName);
  }

  /** Stops syncing and closes storage; memory stays readable. */
  close(): void {
    this.#sync?.close();
    this.#persistence?.close();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One annotation, or `undefined`. */
  getAnnotation(id: string): Annotation | undefined {
    return this.#state.annotations.get(id);
  }

  /** The annotations of one document, in text order. Cached until annotations change. */
  annotationsOf(source: string): readonly Annotation[] {
    this.#bySource ??= groupBySource(this.#state.annotations.values());
    return this.#bySource.get(source) ?? [];
  }

  /** Annotations carrying a tag (exact match), in no particular order. */
  annotationsTagged(tag: string): Annotation[] {
    return [...this.#state.annotations.values()].filter((a) => tagsOf(a).includes(tag));
  }

  /** Creates an annotation by the current reader. Resolves with the saved record. */
  createAnnotation(draft: AnnotationDraft): Promise<Annotation> {
    return this.#run(async () => {
      const annotation = this.#valid('annotations', buildAnnotation(draft, {
        id: (this.#options.newId ?? newRecordId)(),
        now: this.#now(),
        creatorName: this.creatorName ?? ANONYMOUS,
      }));
      await this.#act('Create annotation', collectionDiff('annotations', { added: { [annotation.id]: annotation } }));
      return annotation;
    });
  }

  /** Changes note, tags or target of an annotation. A change that changes nothing saves nothing. */
  updateAnnotation(id: string, change: AnnotationChange): Promise<Annotation> {
    return this.#run(async () => {
      const from = this.#state.annotations.get(id);
      if (!from) throw new StoreError('invalid', { message: `There is no annotation ${id}.` });
      const to = this.#valid('annotations', changeAnnotation(from, change, this.#now()));
      if (sameRecord(to.body, from.body) && sameRecord(to.target, from.target)) return from;
      await this.#act('Edit annotation', collectionDiff('annotations', { updated: { [id]: [from, to] } }));
      return to;
    });
  }

  /** Deletes annotations as one undoable action; unknown ids are skipped. */
  deleteAnnotations(ids: readonly string[]): Promise<DeleteResult> {
    return this.#run(async () => {
      const removed: Record<string, Annotation> = {};
      for (const id of ids) {
        const a = this.#state.annotations.get(id);
        if (a) removed[id] = a;
      }
      const n = Object.keys(removed).length;
      const entry = await this.#act(n === 1 ? 'Delete annotation' : `Delete ${n} annotations`, collectionDiff('annotations', { removed }));
      return {
        removed: Object.values(removed),
        undo: () => (entry ? this.undo(entry) : Promise.resolve(false)),
      };
    });
  }

  /** Sets the reader's display name for future annotations. Not undoable: it is a preference. */
  setCreatorName(name: string): Promise<void> {
    return this.#run(async () => {
      const to = this.#valid('settings', { id: 'creatorName', value: name.trim() });
      const from = this.#state.settings.get(to.id);
      if (from && sameRecord(from, to)) return;
      const diff = collectionDiff('settings', from ? { updated: { [to.id]: [from, to] } } : { added: { [to.id]: to } });
      await this.#commit(diff, 'local');
    });
  }

  /** Reverts the latest action, or `entry` if nothing later touched its records. False if nothing to undo. */
  undo(entry?: UndoEntry): Promise<boolean> {
    return this.#run(async () => {
      const target = this.#history.undoable(entry);
      if (!target) return false;
      await this.#commit(reverseDiff(target.diff), 'undo');
      this.#history.undone(target);
      return true;
    });
  }

  /** Re-applies the latest undone action. False if nothing to redo. */
  redo(): Promise<boolean> {
    return this.#run(async () => {
      const target = this.#history.redoable();
      if (!target) return false;
      await this.#commit(target.diff, 'redo');
      this.#history.redone(target);
      return true;
    });
  }

  // Actions run strictly one after another so each builds its diff from the state the previous one left.
  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #act(label: string, diff: StoreDiff): Promise<UndoEntry | undefined> {
    if (isEmptyDiff(diff)) return undefined;
    await this.#commit(diff, 'local');
    const entry: UndoEntry = { label, diff };
    this.#history.push(entry);
    return entry;
  }

  // Save first, then memory: a failed save leaves memory exactly as it was.
  async #commit(diff: StoreDiff, origin: ChangeOrigin): Promise<void> {
    if (!this.#persistence) throw new StoreError('closed', { message: 'The store is not open yet.' });
    try {
      await this.#persistence.commit(diff);
    } catch (error) {
      const e = toStoreError(error);
      this.#fail(e);
      throw e;
    }
    this.#apply(diff, origin);
    this.#sync?.post(diff);
  }

  #onRemote(message: StoreDiff): void {
    void this.#run(async () => {
      // Re-read what the other tab touched: the database is the truth when two tabs race.
      const fresh = await this.#persistence!.read(diffIds(message));
      const diff: StoreDiff = {};
      for (const c of Object.keys(fresh) as CollectionName[]) {
        setPart(diff, c, reconcileRecords<AnyRecord>(this.#state[c], fresh[c]!));
      }
      if (isEmptyDiff(diff)) return;
      this.#history.forget(diff);
      this.#apply(diff, 'remote');
    }).catch(() => {
      // The connection is gone (reported through `warning`); memory keeps the last known state.
    });
  }

  #apply(diff: StoreDiff, origin: ChangeOrigin): void {
    if (isEmptyDiff(diff)) return;
    deepFreeze(diff);
    applyDiff(this.#state, diff);
    if (diff.annotations) this.#bySource = undefined;
    for (const listener of [...this.#listeners]) {
      try {
        listener(diff, origin);
      } catch (error) {
        // One broken listener must not stop the others; surface it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #fail(error: StoreError): void {
    if (error.kind === 'invalid') return;
    if (error.kind === 'unavailable' || error.kind === 'outdated' || error.kind === 'closed') this.#warning = error;
    this.dispatchEvent(new StoreErrorEvent(error));
  }

  #valid<C extends CollectionName>(c: C, record: Collections[C]): Collections[C] {
    const result = v.safeParse(RecordSchemas[c], record);
    if (result.success) return record;
    throw new StoreError('invalid', { message: `Invalid record: ${describeIssues(result.issues).join('; ')}` });
  }

  #now(): string {
    return (this.#options.now ?? (() => new Date().toISOString()))();
  }
}

function groupBySource(annotations: Iterable<Annotation>): Map<string, readonly Annotation[]> {
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = groups.get(a.target.source);
    if (list) list.push(a);
    else groups.set(a.target.source, [a]);
  }
  for (const list of groups.values()) {
    list.sort((x, y) => x.target.selector[1].start - y.target.selector[1].start || x.target.selector[1].end - y.target.selector[1].end);
    Object.freeze(list);
  }
  return groups;
}
