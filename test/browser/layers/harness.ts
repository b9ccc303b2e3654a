// Two readers' work in one store, as after importing a classmate's or an instructor's map:
// the reader's own claim, and Ana's claim and passage brought in through the one door.
import type { Claim, CrossreadStore, IncomingRecord, SharedCollection } from '../../../src/store/index.ts';
import { makeStore } from '../helpers.ts';
import { claimFrom } from '../claims/harness.ts';

/** Everything a store holds, as a batch for `receive` (passages and events before what cites them). */
export function everything(store: CrossreadStore): IncomingRecord[] {
  const order: SharedCollection[] = ['annotations', 'events', 'claims', 'links'];
  return order.flatMap((collection) => [...store[collection].values()].map((record) => ({ collection, record })));
}

/** A store with the reader's own claim (`mine`) and Ana's (`theirs`, about her event, imported); Ana's store is `there`. */
export async function twoLayers(): Promise<{ store: CrossreadStore; there: CrossreadStore; mine: Claim; theirs: Claim }> {
  const store = await makeStore();
  const there = await makeStore();
  await there.setCreatorName('Ana');
  const made = await claimFrom(there, 'anisin-2026', 5, 'The CSTO came because the coercive apparatus collapsed', { tags: ['CSTO'] });
  const event = (await there.createEvent({ name: 'CSTO deployment', start: '2022-01-06' })).value;
  const theirs = (await there.updateClaim(made.id, { events: [event.id] })).value;
  await store.setCreatorName('Bo');
  const mine = await claimFrom(store, 'duvanova-junisbai-2022', 3, 'Elites organised the violence in Almaty', { tags: ['violence'] });
  await store.receive({ put: everything(there) }, 'import');
  return { store, there, mine, theirs };
}
