/**
 * Cross-tab notification over a BroadcastChannel. After a commit a store
 * posts its diff; the other tabs' stores hear it and update their memory
 * (without writing: the change is already in the shared database).
 */
import { missingCitations } from './commit-plan.ts';
import type { AnyRecord, DiffIds, StoreDiff, StoreState } from './diff.ts';
import type { Persistence, ReadResult } from './persistence.ts';
import { checkRecord, type RawRead } from './quarantine.ts';
import type { CollectionName } from './records.ts';

/** Channel every Crossread tab listens on. */
export const CHANNEL_NAME = 'crossread';

/** What goes over the channel. */
export interface SyncMessage {
  /** Message format version; a tab ignores formats it does not know. */
  v: 1;
  /** Database name, so stores of different databases on one channel ignore each other. */
  db: string;
  /** Id of the sending store instance. */
  sender: string;
  /** The committed diff. */
  diff: StoreDiff;
}

function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<SyncMessage>;
  return m.v === 1 && typeof m.db === 'string' && typeof m.sender === 'string' && typeof m.diff === 'object';
}

/** One store's end of the channel. Does nothing where BroadcastChannel does not exist. */
export class TabSync {
  readonly #channel: BroadcastChannel | undefined;
  readonly #db: string;
  readonly #sender = crypto.getRandomValues(new Uint32Array(2)).join('-');

  /** Listens for diffs other stores committed to database `db`. */
  constructor(db: string, onRemote: (diff: StoreDiff) => void, channelName = CHANNEL_NAME) {
    this.#db = db;
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(channelName);
    this.#channel.onmessage = (event: MessageEvent<unknown>) => {
      const m = event.data;
      if (isSyncMessage(m) && m.db === this.#db && m.sender !== this.#sender) onRemote(m.diff);
    };
  }

  /** Tells other stores about a committed diff. */
  post(diff: StoreDiff): void {
    const message: SyncMessage = { v: 1, db: this.#db, sender: this.#sender, diff };
    this.#channel?.postMessage(message);
  }

  /** Stops listening. */
  close(): void {
    this.#channel?.close();
  }
}

/**
 * The records another tab wrote, as the database holds them now (unchecked:
 * the store sorts out damaged ones), with every record the valid ones cite
 * that `state` lacks: a record read may already be newer than the message
 * that named it and cite what that tab made since.
 */
export async function readWritten(persistence: Persistence, state: StoreState, ids: DiffIds): Promise<RawRead> {
  const fresh: { [C in CollectionName]?: Map<string, unknown> } = {};
  const add = (read: RawRead) => {
    for (const c of Object.keys(read) as CollectionName[]) for (const [id, value] of read[c]!) (fresh[c] ??= new Map()).set(id, value);
  };
  add(await persistence.read(ids));
  // Each round follows one step of references (link → claim → passage → event); a few suffice.
  for (let round = 0; round < 4; round++) {
    const more = missingCitations(state, validOnly(fresh));
    if (Object.keys(more).length === 0) break;
    add(await persistence.read(more));
  }
  return fresh;
}

// The records of `raw` that pass their schema: only they have references worth following.
function validOnly(raw: RawRead): ReadResult {
  const out: ReadResult = {};
  for (const c of Object.keys(raw) as CollectionName[]) {
    const valid = (out[c] = new Map<string, AnyRecord | undefined>());
    for (const [id, value] of raw[c]!) if (value !== undefined && checkRecord(c, value).ok) valid.set(id, value as AnyRecord);
  }
  return out;
}
