// Shared by the claim tests: a store over MemoryPersistence with a deterministic clock and ids, and a small world.
import { afterEach } from 'vitest';
import {
  CrossreadStore,
  MemoryPersistence,
  type ChangeOrigin,
  type Persistence,
  type StoreDiff,
  type StoreErrorEvent,
  type StoreOptions,
  type StoreState,
} from '../../src/store/index.ts';
import { checkedState } from '../shared/state-of.ts';
import { fixedId, target } from './store-fixtures.ts';

const open: CrossreadStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/**
 * The one store factory of the Node tests: a fresh store over MemoryPersistence (or the one
 * given) with deterministic ids (`fixedId(idBase + 1)`, …) and a clock one second per action; it records
 * every change and every store-error, and is closed after the test.
 */
export async function makeStore<P extends Persistence = MemoryPersistence>(options: StoreOptions & { persistence?: P; idBase?: number } = {}) {
  const { persistence = new MemoryPersistence() as Persistence as P, idBase = 0, ...rest } = options;
  let n = 0;
  let t = 0;
  const store = new CrossreadStore({
    openPersistence: () => Promise.resolve(persistence),
    now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, t++)).toISOString(),
    newId: () => fixedId(idBase + ++n),
    ...rest,
  });
  const diffs: StoreDiff[] = [];
  const changes: [StoreDiff, ChangeOrigin][] = [];
  const events: StoreErrorEvent[] = [];
  store.subscribe((d, o) => {
    diffs.push(d);
    changes.push([d, o]);
  });
  store.addEventListener('store-error', (e) => events.push(e));
  await store.open();
  open.push(store);
  return { store, persistence, diffs, changes, events };
}

/**
 * Everything the store holds, as plain sorted data, to compare states. Without
 * versions: undo restores content exactly, while versions move on (ADR 0004).
 */
export function snapshot(store: CrossreadStore) {
  // Content only: versions move on with every write, undo included (ADR 0004).
  const content = <R extends { version?: unknown }>({ version: _version, ...rest }: R): Omit<R, 'version'> => rest;
  const sorted = <R extends { id: string; version?: unknown }>(m: ReadonlyMap<string, R>) =>
    [...m.values()].sort((a, b) => a.id.localeCompare(b.id)).map(content);
  return { annotations: sorted(store.annotations), claims: sorted(store.claims), links: sorted(store.links), events: sorted(store.events) };
}

/** What the persistence holds. */
export async function disk(persistence: MemoryPersistence): Promise<StoreState> {
  return checkedState(await persistence.loadAll());
}

/** Two documents, three passages, two claims citing them, linked. */
export async function world() {
  const made = await makeStore();
  const { store } = made;
  const a1 = (await store.createAnnotation({ target: target('doc-a', 0) })).value;
  const a2 = (await store.createAnnotation({ target: target('doc-a', 100) })).value;
  const b1 = (await store.createAnnotation({ target: target('doc-b', 0) })).value;
  const c1 = (await store.createClaim({ statement: 'The violence was aimed at Tokayev', evidence: { annotation: a1.id, stance: 'asserts' }, tags: ['kz'] })).value;
  const c2 = (await store.createClaim({ statement: 'It was aimed at Nazarbayev', evidence: { annotation: b1.id, stance: 'asserts' } })).value;
  const link = (await store.createLink({ relation: 'contradicts', from: c1.id, to: c2.id, rationale: 'Either one or the other' })).value;
  return { ...made, a1, a2, b1, c1, c2, link };
}

