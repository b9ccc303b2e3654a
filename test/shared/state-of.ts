import { emptyState, type CrossreadStore, type StoreState } from '../../src/store/index.ts';

/** What a store holds in memory, as a `StoreState` (for `stateIssues` and comparisons with the disk). */
export function stateOf(store: CrossreadStore): StoreState {
  const state = emptyState();
  for (const [id, r] of store.annotations) state.annotations.set(id, r);
  for (const [id, r] of store.claims) state.claims.set(id, r);
  for (const [id, r] of store.links) state.links.set(id, r);
  for (const [id, r] of store.events) state.events.set(id, r);
  return state;
}
