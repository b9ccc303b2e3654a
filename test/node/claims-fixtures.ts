// Shared by the claim tests: a store over MemoryPersistence with a deterministic clock and ids, and a small world.
import { afterEach } from 'vitest';
import { CrossreadStore, MemoryPersistence, type StoreDiff, type StoreOptions, type StoreState } from '../../src/store/index.ts';
import { fixedId, target } from './store-fixtures.ts';

const open: CrossreadStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** A fresh store with deterministic ids (`fixedId(1)`, …) and a clock one second per action. */
export async function makeStore(options: StoreOptions = {}) {
  const persistence = new MemoryPersistence();
  let n = 0;
  let t = 0;
  const store = new CrossreadStore({
    openPersistence: async () => persistence,
    now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, t++)).toISOString(),
    newId: () => fixedId(++n),
    ...options,
  });
  const diffs: StoreDiff[] = [];
  store.subscribe((d) => diffs.push(d));
  await store.open();
  open.push(store);
  return { store, persistence, diffs };
}

/**
 * Everything the store holds, as plain sorted data, to compare states. Without
 * versions: undo restores content exactly, while versions move on (ADR 0004).
 */
export function snapshot(store: CrossreadStore) {
  const sorted = <R extends { id: string }>(m: ReadonlyMap<string, R>) =>
    [...m.values()].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({ ...r, version: undefined }));
  return { annotations: sorted(store.annotations), claims: sorted(store.claims), links: sorted(store.links), events: sorted(store.events) };
}

/** What the persistence holds. */
export async function disk(persistence: MemoryPersistence): Promise<StoreState> {
  return persistence.loadAll();
}

/** Two documents, three passages, two claims citing them, linked. */
export async function world() {
  const made = await makeStore();
  const { store } = made;
  const a1 = await store.createAnnotation({ target: target('doc-a', 0) });
  const a2 = await store.createAnnotation({ target: target('doc-a', 100) });
  const b1 = await store.createAnnotation({ target: target('doc-b', 0) });
  const c1 = await store.createClaim({ statement: 'The violence was aimed at Tokayev', evidence: { annotation: a1.id, stance: 'asserts' }, tags: ['kz'] });
  const c2 = await store.createClaim({ statement: 'It was aimed at Nazarbayev', evidence: { annotation: b1.id, stance: 'asserts' } });
  const link = await store.createLink({ relation: 'contradicts', from: c1.id, to: c2.id, rationale: 'Either one or the other' });
  return { ...made, a1, a2, b1, c1, c2, link };
}

