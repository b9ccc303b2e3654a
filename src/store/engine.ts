/**
 * The store's machinery, apart from its actions and queries (`store.ts`):
 * records in memory for synchronous reads, every change a diff that is
 * validated (schemas, integrity), committed to persistence in one transaction,
 * then applied to memory, then announced to subscribers and to other tabs;
 * undo and redo as reverse diffs.
 */
import type { ActionContext } from './actions.ts';
import { ChangeSet } from './changeset.ts';
import {
  applyDiff,
  deepFreeze,
  diffCollections,
  diffIds,
  emptyState,
  isEmptyDiff,
  reconcileRecords,
  reverseDiff,
  setPart,
  stateAsDiff,
  type AnyRecord,
  type DiffIds,
  type StoreDiff,
  type StoreState,
} from './diff.ts';
import { StoreError, StoreErrorEvent, toStoreError } from './errors.ts';
import { integrityIssues, refuseInvalid } from './integrity.ts';
import { refuseOtherLayers } from './read-only.ts';
import { openStorage } from './opening.ts';
import { StoreEvents } from './store-events.ts';
import {
  DB_NAME,
  openIdbPersistence,
  type Persistence,
  type PersistenceOpener,
  type StoragePersistence,
} from './persistence.ts';
import { Quarantine, type RawRead, type QuarantinedRecord } from './quarantine.ts';
import { ANONYMOUS, newRecordId, type CollectionName } from './records.ts';
import { newlyCited, shownDiff, type Committed } from './commit-plan.ts';
import { importLabel, planReceive, type IncomingBatch, type ReceiveOrigin, type ReceivePlan, type ReceiveResult } from './receive.ts';
import { readWritten, TabSync } from './sync.ts';
import { cannot, isEntry, undoBlockers, UndoHistory, type Undoable, type UndoEntry, type UndoOutcome } from './undo.ts';
import { asCommitted, stampDiff, versionOf, type StoreIdentity, type Version } from './versions.ts';

/**
 * Why subscribers are told about a diff: this tab's action, undo or redo;
 * another tab's commit (`remote`); records received from outside through
 * `receive()` — an import file (`import`) or a sync engine (`sync`).
 */
export type ChangeOrigin = 'local' | 'remote' | 'undo' | 'redo' | 'import' | 'sync';

/** Called after every diff applied to memory. Records in the diff are frozen. */
export type StoreListener = (diff: StoreDiff, origin: ChangeOrigin) => void;

/** Options for the store; all optional, mainly for tests. */
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

/** What an action made, with the diff it committed and its undo entry (none if it changed nothing). */
export interface Done<T> {
  value: T;
  diff: StoreDiff;
  entry: UndoEntry | undefined;
}

/**
 * Base class of `CrossreadStore`. Actions run one at a time in call order;
 * each resolves after its change is saved and visible, or rejects with a
 * {@link StoreError} having changed nothing, in memory or on disk.
 *
 * @fires store-error - {@link StoreErrorEvent}: storage unavailable, full, blocked, outdated, failed, or a conflict with another tab.
 */
export class StoreEngine extends StoreEvents {
  readonly #options: StoreOptions;
  readonly #state = emptyState();
  readonly #listeners = new Set<StoreListener>();
  readonly #history: UndoHistory;
  #persistence: Persistence | undefined;
  #sync: TabSync | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #warning: StoreError | undefined;
  // Damaged records set aside on load or on another tab's change.
  readonly #quarantine = new Quarantine();
  #storagePersistence: StoragePersistence | undefined;
  // Last versions of records deleted in this session, so that restoring one (undo, redo) moves its version on.
  readonly #deletedVersions = new Map<string, Version>();
  readonly #knownVersion = (c: CollectionName, id: string): Version | undefined =>
    versionOf(this.#state[c].get(id)) ?? this.#deletedVersions.get(`${c} ${id}`);
  #persistenceAsked: Promise<StoragePersistence> | undefined;
  /** The last plan `previewReceive` made, for `receive` of the same batch; dropped by any change. */
  #previewed: { batch: IncomingBatch; plan: ReceivePlan } | undefined;

  constructor(options: StoreOptions = {}) {
    super();
    this.#options = options;
    this.#history = new UndoHistory(options.undoLimit);
  }

  /** The reader's display name, if set. */
  get creatorName(): string | undefined {
    const setting = this.#state.settings.get('creatorName');
    return setting?.id === 'creatorName' ? setting.value : undefined;
  }

  /** Id of the local layer, the reader's own map (ADR 0004); `undefined` before `open()`. */
  get localLayer(): string | undefined {
    return this.#persistence?.identity.layer;
  }

  /** Id of this database as a writer of record versions (ADR 0004); `undefined` before `open()`. */
  get replica(): string | undefined {
    return this.#persistence?.identity.replica;
  }

  /** Where changes go: `indexeddb`, `memory` (nothing survives the tab), or `undefined` before `open()`. */
  get mode(): Persistence['mode'] | undefined {
    return this.#persistence?.mode;
  }

  /**
   * Records found damaged in the database and set aside instead of loaded
   * (`quarantine.ts`): each with its collection, id, the value as stored and
   * the reason in the reader's words. They stay in the database untouched; no
   * action writes over them (one that would is refused as `invalid`), and
   * references to them are not dangling. Frozen; in load order.
   */
  get quarantined(): readonly QuarantinedRecord[] {
    return this.#quarantine.list;
  }

  /** True when the record `id` of collection `c` is in the database but set aside as damaged. */
  isQuarantined(c: CollectionName, id: string): boolean {
    return this.#quarantine.has(c, id);
  }

  /** A lasting problem the UI should keep visible (memory mode, outdated, newer data, closed), if any. */
  get warning(): StoreError | undefined {
    return this.#warning;
  }

  /**
   * Whether the browser promised to keep the data (see {@link StoragePersistence}),
   * for the UI to show; `undefined` until {@link StoreEngine.requestPersistentStorage} answered.
   */
  get storagePersistence(): StoragePersistence | undefined {
    return this.#storagePersistence;
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
    return this.#history.nextUndo?.label;
  }

  /** Label of the action `redo()` would re-apply. */
  get redoLabel(): string | undefined {
    return this.#history.nextRedo?.label;
  }

  /** Every record in memory; for subclasses' reads. Records are frozen; never mutate the maps. */
  protected get state(): StoreState {
    return this.#state;
  }

  /**
   * Opens storage and loads every valid record; damaged ones are set aside
   * ({@link StoreEngine.quarantined}), never a reason to fail. Never rejects
   * for storage trouble: without IndexedDB the store runs in memory and
   * reports `unavailable`; a database saved by a newer Crossread is left
   * alone (`newer-data`: nothing read, nothing saved), as is one that opens
   * but cannot be read (`unreadable`); see `opening.ts`.
   */
  async open(): Promise<void> {
    if (this.#persistence) return;
    const name = this.#options.name ?? DB_NAME;
    const hooks = { onError: (error: StoreError) => this.#fail(error) };
    // Listen before reading: another tab's commit made while the load reads would otherwise be
    // announced before this tab listens, and never reach its memory. Heard early, read after.
    const heard: DiffIds[] = [];
    let hear = (ids: DiffIds): void => void heard.push(ids);
    const listen = (p: Persistence) => (p.shared ? new TabSync(name, (diff) => hear(diffIds(diff)), this.#options.channelName) : undefined);
    const { persistence, loaded, sync } = await openStorage(name, this.#options.openPersistence ?? openIdbPersistence, hooks, (e) => this.#fail(e), listen);
    this.#persistence = persistence;
    for (const record of loaded.quarantined) this.#quarantine.add(record);
    // Loaded records did not come from this tab's actions, hence `remote`; not undoable.
    this.#apply(stateAsDiff(loaded.state), 'remote');
    if (sync && persistence.mode !== 'none') {
      this.#sync = sync;
      hear = (ids) => this.#refresh(ids);
      for (const ids of heard) hear(ids);
    }
    // Asked at once, not awaited: a browser may prompt, and loading must not wait for the reader.
    void this.requestPersistentStorage();
  }

  /**
   * Asks the browser once to keep the data even when space runs low
   * (`navigator.storage.persist()`); resolves with the answer, also kept in
   * {@link StoreEngine.storagePersistence}. `open()` asks already; the UI
   * awaits this to show the answer. Never rejects.
   */
  requestPersistentStorage(): Promise<StoragePersistence> {
    const persistence = this.#persistence;
    if (!persistence) return Promise.resolve('unsupported');
    this.#persistenceAsked ??= persistence.requestPersistence().then(
      (answer) => (this.#storagePersistence = answer),
      () => (this.#storagePersistence = 'unsupported'),
    );
    return this.#persistenceAsked;
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

  /**
   * Reverts the latest action, or `entry` (an action's own handle, also after
   * later unrelated actions). Never throws for an action that cannot be
   * undone: the outcome says why — nothing to undo, overtaken by another tab,
   * a later change touched the same records, or undoing would leave a dangling
   * reference. A tab not yet heard from that makes it dangle at commit time
   * (`conflict`, also reported as a `store-error`) leaves the entry, to retry.
   */
  undo(entry?: UndoEntry): Promise<UndoOutcome> {
    return this.#run(async () => {
      const target = this.#history.undoable(entry);
      if (!isEntry(target)) return target;
      const reverse = reverseDiff(target.diff);
      const issues = integrityIssues(this.#state, reverse, this.#quarantine.ids());
      if (issues.length > 0) {
        const why = `Can't undo “${target.label}”: ${undoBlockers(issues, reverse)}.`;
        // The latest action stays impossible; one asked for by its handle may become possible once later ones are undone.
        if (!entry) this.#history.drop(target, why);
        return cannot(why);
      }
      if (!(await this.#commitUnlessConflict(reverse, 'undo'))) {
        return cannot(`Can't undo “${target.label}” right now: another tab is changing the same records. Try again.`);
      }
      this.#history.undone(target);
      return { done: true, label: target.label };
    });
  }

  /** Re-applies the latest undone action, or says why it cannot. */
  redo(): Promise<UndoOutcome> {
    return this.#run(async () => {
      const target = this.#history.redoable();
      if (!isEntry(target)) return target;
      const issues = integrityIssues(this.#state, target.diff, this.#quarantine.ids());
      if (issues.length > 0) {
        const why = `Can't redo “${target.label}”: ${undoBlockers(issues, target.diff)}.`;
        this.#history.drop(target, why);
        return cannot(why);
      }
      if (!(await this.#commitUnlessConflict(target.diff, 'redo'))) {
        return cannot(`Can't redo “${target.label}” right now: another tab is changing the same records. Try again.`);
      }
      this.#history.redone(target);
      return { done: true, label: target.label };
    });
  }

  /** The undo handle of a committed action; one that changed nothing has nothing to undo. */
  protected handle(label: string, entry: UndoEntry | undefined): Undoable {
    return {
      label,
      undo: () => (entry ? this.undo(entry) : Promise.resolve(cannot(`“${label}” changed nothing, so there is nothing to undo.`))),
    };
  }

  /** What `receive(batch)` would do now, without doing it: the preview an import shows first. Throws as `receive` refuses. */
  previewReceive(batch: IncomingBatch): ReceivePlan {
    const plan = planReceive(this.#state, batch, this.#quarantine.ids(), this.localLayer);
    this.#previewed = { batch, plan };
    return plan;
  }

  /**
   * The one door for records made elsewhere (ADR 0004): validates every
   * record of `batch` against its schema, merges it with the local state by
   * version ({@link planReceive}: added, updated, unchanged, removed,
   * conflicts left undecided), checks the integrity of the whole result at
   * once, and commits it in one transaction, or rejects with a `StoreError`
   * (`invalid`, listing every problem; storage errors as for actions) having
   * changed nothing. Subscribers and other tabs hear of it like any commit,
   * with `origin` as the change's origin. Versions are kept as received. An
   * import is one undo step, named for what was imported when `name` says
   * ("Import stu-map.json"), else by count ("Import 12 records"); a sync is not undoable and,
   * like another tab's change, drops local undo steps touching its records.
   */
  receive(batch: IncomingBatch, origin: ReceiveOrigin, name?: string): Promise<ReceiveResult> {
    return this.#run(async () => {
      // The plan of the preview just shown, while nothing changed since: planning thousands of
      // records again would be the import's longest task on the page.
      const previewed = this.#previewed;
      this.#previewed = undefined;
      const plan = previewed?.batch === batch ? previewed.plan : planReceive(this.#state, batch, this.#quarantine.ids(), this.localLayer);
      let entry: UndoEntry | undefined;
      if (!isEmptyDiff(plan.diff)) {
        const { written } = await this.#commit(plan.diff, origin);
        if (origin === 'import') this.#history.push((entry = { label: importLabel(plan.summary, name), diff: written }));
        else this.#history.forget(written, 'a synced update');
      }
      return { ...plan, origin, ...this.handle(importLabel(plan.summary, name), entry) };
    });
  }

  /**
   * Runs an action: `plan` changes a working copy of the state; the diff it
   * amounts to is validated (every added or updated record against its schema,
   * then referential integrity), committed as one transaction and, unless
   * `undoable` is false, pushed on the undo history as one step. It may write
   * only the reader's own layer (`read-only.ts`), unless `layers` is `any`:
   * resolving a conflict, removing a layer.
   */
  protected change<T>(
    label: string | ((value: T) => string),
    plan: (cs: ChangeSet, ctx: ActionContext) => T,
    undoable = true,
    layers: 'own' | 'any' = 'own',
  ): Promise<Done<T>> {
    return this.#run(async () => {
      const cs = new ChangeSet(this.#state);
      const ctx: ActionContext = {
        now: (this.#options.now ?? (() => new Date().toISOString()))(),
        newId: this.#options.newId ?? newRecordId,
        creatorName: this.creatorName ?? ANONYMOUS,
        layer: this.#identity().layer,
      };
      const planned = plan(cs, ctx);
      const made = cs.diff();
      if (isEmptyDiff(made)) return { value: planned, diff: made, entry: undefined };
      if (layers === 'own') refuseOtherLayers(this.#state, made, ctx.layer);
      refuseInvalid(this.#state, made, this.#quarantine.ids());
      const { shown: diff, written } = await this.#commit(made, 'local');
      // Hand out the records as saved (new versions, merged with other tabs' writes), not as built.
      const value = asCommitted(planned, made, diff);
      if (!undoable) return { value, diff, entry: undefined };
      // Undo reverts what this commit did to the database: this tab's change only.
      const entry: UndoEntry = { label: typeof label === 'string' ? label : label(value), diff: written };
      this.#history.push(entry);
      return { value, diff, entry };
    });
  }

  /** Called after every diff reaches memory, before subscribers; subclasses drop caches here. */
  protected changed(_diff: StoreDiff): void {}

  // Actions run strictly one after another so each builds its diff from the state the previous one left.
  #run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Save first, then memory: a failed save leaves memory exactly as it was.
   * Every write passes here, so this is where a local write (action, undo,
   * redo) moves the versions of the records it writes (ADR 0004); records
   * received from outside keep the versions they came with; local writes are
   * merged with other tabs' (`commit-plan.ts`). Returns the diff as shown
   * (from this tab's records) and as written (from the database's).
   */
  async #commit(diff: StoreDiff, origin: ChangeOrigin): Promise<{ shown: StoreDiff; written: StoreDiff }> {
    if (!this.#persistence) throw new StoreError('closed', { message: 'The store is not open yet.' });
    // A record set aside stays as stored, whatever asked to write over it.
    const refusal = this.#quarantine.refusal(diff);
    if (refusal) throw new StoreError('invalid', { message: refusal });
    const received = origin === 'import' || origin === 'sync';
    const { replica, layer } = this.#identity();
    const putBack = origin === 'undo' || origin === 'redo' ? (r: AnyRecord) => 'layer' in r && r.layer !== layer : undefined;
    const write = received ? diff : stampDiff(diff, replica, this.#knownVersion, putBack);
    let committed: Committed;
    try {
      committed = await this.#persistence.commit(write, received ? 'exact' : 'merge');
    } catch (error) {
      const e = toStoreError(error);
      this.#fail(e);
      throw e;
    }
    const { written, cited } = committed;
    const shown = shownDiff(write, written);
    this.#apply(shown, origin);
    this.#sync?.post(shown);
    // What a merged record cites arrives with it: memory never dangles.
    this.#absorb(newlyCited(this.#state, shown, cited));
    return { shown, written };
  }

  // Who writes: known once storage is open; actions before `open()` fail as `closed`, and without storage with its reason.
  #identity(): StoreIdentity {
    if (!this.#persistence) throw new StoreError('closed', { message: 'The store is not open yet.' });
    if (this.#persistence.mode === 'none') throw this.#warning ?? new StoreError('closed');
    return this.#persistence.identity;
  }

  // Undo and redo report a race lost to another tab as `false`, like the same check done in memory.
  async #commitUnlessConflict(diff: StoreDiff, origin: 'undo' | 'redo'): Promise<boolean> {
    try {
      await this.#commit(diff, origin);
      return true;
    } catch (error) {
      if (error instanceof StoreError && error.kind === 'conflict') return false;
      throw error;
    }
  }

  // Another tab wrote these records: re-read them, the database is the truth when two tabs race.
  #refresh(ids: DiffIds): void {
    void this.#run(async () => this.#absorb(await readWritten(this.#persistence!, this.#state, ids))).catch(() => {
      // The connection is gone (reported through `warning`); memory keeps the last known state.
    });
  }

  /**
   * Records another tab wrote, as the database has them: checked like a load (a
   * damaged one, e.g. from another version of Crossread, is set aside, not
   * shown; a repaired one comes back), then into memory as `remote`,
   * overtaking undo steps that touch them.
   */
  #absorb(raw: RawRead): void {
    const diff: StoreDiff = {};
    let setAside = false;
    for (const c of Object.keys(raw) as CollectionName[]) {
      const sorted = this.#quarantine.sortRead(c, raw[c]!);
      setAside ||= sorted.changed;
      setPart(diff, c, reconcileRecords<AnyRecord>(this.#state[c], sorted.fresh));
    }
    if (isEmptyDiff(diff) && !setAside) return;
    this.#history.forget(diff);
    this.#apply(diff, 'remote', setAside);
  }

  // `quarantineChanged`: tell subscribers even of an empty diff, since what is set aside changed.
  #apply(diff: StoreDiff, origin: ChangeOrigin, quarantineChanged = false): void {
    if (isEmptyDiff(diff) && !quarantineChanged) return;
    // A plan made before this change no longer holds (and a large one need not stay in memory).
    this.#previewed = undefined;
    deepFreeze(diff);
    for (const c of diffCollections(diff)) {
      for (const id of Object.keys(diff[c]!.removed)) {
        const version = versionOf(this.#state[c].get(id));
        if (version) this.#deletedVersions.set(`${c} ${id}`, version);
      }
    }
    applyDiff(this.#state, diff);
    this.changed(diff);
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
    if (['unavailable', 'unreadable', 'outdated', 'newer-data', 'closed'].includes(error.kind)) this.#warning = error;
    this.dispatchEvent(new StoreErrorEvent(error));
  }
}
