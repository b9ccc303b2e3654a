/**
 * Failures of the store as values the UI can show. Each has a `kind` the UI
 * can switch on and a `message` written for the reader, not the developer.
 */

/**
 * - `unavailable`: no IndexedDB (private mode, disabled storage); the store runs in memory.
 * - `quota`: the browser refused to store more; the change was not saved.
 * - `blocked`: an upgrade waits for other Crossread tabs to close.
 * - `outdated`: another tab opened the data with a newer Crossread (`versionchange`); this
 *   tab stopped saving and should reload.
 * - `newer-data`: the data was saved by a newer Crossread than this tab runs (IndexedDB's
 *   `VersionError` on opening); this tab read nothing, changed nothing and saves nothing.
 * - `unreadable`: the data opened but could not be read; this tab changed nothing and saves nothing.
 * - `closed`: the browser closed the database unexpectedly (e.g. storage cleared).
 * - `write-failed`: any other failed write; the change was not saved.
 * - `invalid`: the action's input would make an invalid record; nothing was written.
 * - `conflict`: another tab's change, saved a moment earlier and not yet seen here, would leave
 *   a reference dangling (e.g. it deleted the passage this claim cites), changed the same text
 *   (or other single value) of a record to something else, or deleted the record; nothing was
 *   written. The last two carry {@link StoreError.detail}.
 */
export type StoreErrorKind =
  | 'unavailable'
  | 'quota'
  | 'blocked'
  | 'outdated'
  | 'newer-data'
  | 'unreadable'
  | 'closed'
  | 'write-failed'
  | 'invalid'
  | 'conflict';

const MESSAGES: Record<StoreErrorKind, string> = {
  unavailable:
    'This browser does not let Crossread store data (site storage is turned off or blocked, as in some private windows). ' +
    'You can keep working, but what you make here will be lost when this tab closes.',
  quota:
    'Your last change was not saved: the browser has no storage space left for Crossread. ' +
    'Free space (delete old annotations, or other sites’ data in the browser settings) and try again.',
  blocked: 'Crossread is updating its storage. Close other Crossread tabs to finish.',
  outdated: 'Crossread was updated in another tab. Reload this tab to keep saving; nothing saved so far is lost.',
  'newer-data':
    'This browser’s Crossread data was saved by a newer version of Crossread. Reload to use the newer version; nothing was changed.',
  unreadable:
    'Crossread could not read the data saved in this browser. Nothing was changed, and nothing is saved until you reload and it can be read.',
  closed: 'The browser closed Crossread’s storage. Reload the tab; changes from now on are not saved.',
  'write-failed': 'Your last change could not be saved. Nothing saved earlier was lost.',
  invalid: 'That change was not made because it would produce an invalid record.',
  conflict: 'Another tab changed the same records at the same moment; nothing was saved here. Try again.',
};

/**
 * What a `conflict` with another tab's edit was about: both tabs changed
 * `field` of one record from the same starting point (`merge.ts`), or the
 * other tab deleted the record (`field` absent). `mine` is the value this
 * tab tried to save, `theirs` the one saved there (`undefined`: removed).
 */
export interface EditConflict {
  collection: string;
  id: string;
  field?: string;
  mine?: unknown;
  theirs?: unknown;
}

/** A store failure, thrown (rejected) by actions and carried by {@link StoreErrorEvent}. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** What went wrong, for the UI to choose a reaction. */
  readonly kind: StoreErrorKind;
  /** For a `conflict` with another tab's edit of the same record: what both changed. */
  readonly detail: EditConflict | undefined;

  constructor(kind: StoreErrorKind, options?: { cause?: unknown; message?: string; detail?: EditConflict }) {
    super(options?.message ?? MESSAGES[kind], { cause: options?.cause });
    this.kind = kind;
    this.detail = options?.detail;
  }
}

/**
 * Classifies anything thrown by IndexedDB. DOMException names are the only
 * stable signal across browsers; messages vary.
 */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return new StoreError('quota', { cause: error });
    case 'VersionError':
      return new StoreError('newer-data', { cause: error });
    case 'InvalidStateError':
    case 'SecurityError':
      return new StoreError('unavailable', { cause: error });
    default:
      return new StoreError('write-failed', { cause: error });
  }
}

/**
 * Dispatched on the store when something the reader should know about went
 * wrong. The app shell listens and shows `message`.
 */
export class StoreErrorEvent extends Event {
  /** Event type. */
  static readonly type = 'store-error';
  /** Same as `error.kind`. */
  readonly kind: StoreErrorKind;
  /** Reader-facing explanation. */
  readonly message: string;
  /** The underlying error. */
  readonly error: StoreError;

  constructor(error: StoreError) {
    super(StoreErrorEvent.type);
    this.error = error;
    this.kind = error.kind;
    this.message = error.message;
  }
}

/** Events the store dispatches. */
export interface StoreEventMap {
  'store-error': StoreErrorEvent;
}
