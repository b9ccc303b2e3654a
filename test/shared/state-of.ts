import { emptyState, sortRecords, type CrossreadStore, type RawState, type StoreState } from '../../src/store/index.ts';

/** What a store holds in memory, as a `StoreState` (for `stateIssues` and comparisons with the disk). */
export function stateOf(store: CrossreadStore): StoreState {
  const state = emptyState();
  for (const [id, r] of store.annotations) state.annotations.set(id, r);
  for (const [id, r] of store.claims) state.claims.set(id, r);
  for (const [id, r] of store.links) state.links.set(id, r);
  for (const [id, r] of store.events) state.events.set(id, r);
  return state;
}

/**
 * What a persistence holds (`loadAll()`), checked as the store checks it on
 * opening. Test data is valid, so a record that would be set aside fails the test.
 */
export function checkedState(raw: RawState): StoreState {
  const { state, quarantined } = sortRecords(raw);
  if (quarantined.length > 0) throw new Error(`Damaged records on disk: ${quarantined.map((q) => `${q.collection} ${q.id}: ${q.reason}`).join('; ')}`);
  return state;
}
