// Two tabs acting before either hears the other: IndexedDB runs their transactions one after the
// other, and the second re-checks references inside its transaction, so it fails with `conflict`
// and nothing dangles. The tabs use distinct BroadcastChannel names, so neither ever hears the other.
import { expect } from '@open-wc/testing';
import { stateOf } from '../../shared/state-of.ts';
import {
  CrossreadStore,
  StoreError,
  eventsOf,
  stateIssues,
  type Annotation,
  type Claim,
  type EventRecord,
  type StoreState,
} from '../../../src/store/index.ts';
import { draft } from '../../node/store-fixtures.ts';
import { deleteTestDBs, uniqueDbName } from './helpers.ts';

const toClose: CrossreadStore[] = [];
afterEach(async () => {
  for (const s of toClose.splice(0)) s.close();
  await deleteTestDBs();
});

/** A store on database `name` alone on its own channel: deaf to every other store. */
async function deafStore(name: string): Promise<CrossreadStore> {
  const store = new CrossreadStore({ name, channelName: `deaf-${crypto.randomUUID()}` });
  toClose.push(store);
  await store.open();
  expect(store.mode).to.equal('indexeddb');
  return store;
}

/** What the database holds, loaded by a fresh store. */
async function onDisk(name: string): Promise<StoreState> {
  return stateOf(await deafStore(name));
}

interface World {
  name: string;
  a: CrossreadStore;
  b: CrossreadStore;
  x: Annotation;
  c1: Claim;
  c2: Claim;
  ev: EventRecord;
}

/** Tab `a` makes annotation x, claims c1 and c2 citing it, event ev; tab `b` opens afterwards and sees them. */
async function world(label: string): Promise<World> {
  const name = uniqueDbName(label);
  const a = await deafStore(name);
  const x = (await a.createAnnotation(draft(1))).value;
  const c1 = (await a.createClaim({ statement: 'One', evidence: { annotation: x.id, stance: 'asserts' } })).value;
  const c2 = (await a.createClaim({ statement: 'Two', evidence: { annotation: x.id, stance: 'mentions' } })).value;
  const ev = (await a.createEvent({ name: 'Almaty violence', start: '2022-01-04' })).value;
  const b = await deafStore(name);
  expect(b.claims.size).to.equal(2);
  return { name, a, b, x, c1, c2, ev };
}

/** Starts both actions in the same task, in the given order; exactly one must win, the other must lose with `conflict`. */
async function race(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<'first' | 'second'> {
  const [one, two] = await Promise.allSettled([first(), second()]);
  const outcomes = [one.status, two.status];
  expect(outcomes.filter((s) => s === 'fulfilled'), `outcomes ${outcomes.join(', ')}`).to.have.length(1);
  const lost = [one, two].find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  expect(lost.reason).to.be.instanceOf(StoreError);
  expect((lost.reason as StoreError).kind).to.equal('conflict');
  // Overlapping readwrite transactions run in the order they were created: the first started wins.
  expect(one.status).to.equal('fulfilled');
  return one.status === 'fulfilled' ? 'first' : 'second';
}

for (const order of ['delete first', 'reference first'] as const) {
  describe(`racing tabs on IndexedDB (${order})`, () => {
    /** Runs `remove` in tab a and `refer` in tab b, started in `order`. */
    function run(remove: () => Promise<unknown>, refer: () => Promise<unknown>) {
      return order === 'delete first' ? race(remove, refer) : race(refer, remove);
    }

    it('deleting an annotation vs creating a claim that cites it', async () => {
      const { name, a, b, x } = await world('race-annotation');
      const conflicts: string[] = [];
      for (const s of [a, b]) s.addEventListener('store-error', (e) => conflicts.push(e.kind));
      const winner = await run(
        () => a.deleteAnnotations([x.id]),
        () => b.createClaim({ statement: 'Stale', evidence: { annotation: x.id, stance: 'asserts' } }),
      );
      const deleted = (winner === 'first') === (order === 'delete first');
      const disk = await onDisk(name);
      expect(stateIssues(disk)).to.deep.equal([]);
      expect(disk.annotations.has(x.id)).to.equal(!deleted);
      expect([...disk.claims.values()].some((c) => c.statement === 'Stale')).to.equal(!deleted);
      expect(conflicts).to.deep.equal(['conflict']);
      // The loser's memory is as it was: nothing was saved there.
      if (deleted) expect([...b.claims.values()].map((c) => c.statement).sort()).to.deep.equal(['One', 'Two']);
      else expect(a.getAnnotation(x.id)).to.deep.equal(x);
    });

    it('deleting a claim vs creating a link to it', async () => {
      const { name, a, b, c1, c2 } = await world('race-claim');
      const winner = await run(() => a.deleteClaims([c2.id]), () => b.createLink({ relation: 'supports', from: c1.id, to: c2.id }));
      const deleted = (winner === 'first') === (order === 'delete first');
      const disk = await onDisk(name);
      expect(stateIssues(disk)).to.deep.equal([]);
      expect(disk.claims.has(c2.id)).to.equal(!deleted);
      expect(disk.links.size).to.equal(deleted ? 0 : 1);
      expect(deleted ? b.links.size : a.claims.size).to.equal(deleted ? 0 : 2);
    });

    for (const what of ['annotation', 'claim'] as const) {
      it(`deleting an event vs tagging ${what === 'annotation' ? 'an annotation' : 'a claim'} with it`, async () => {
        const { name, a, b, x, c1, ev } = await world(`race-event-${what}`);
        const tag = () => (what === 'annotation' ? b.updateAnnotation(x.id, { events: [ev.id] }) : b.updateClaim(c1.id, { events: [ev.id] }));
        const winner = await run(() => a.deleteEvent(ev.id), tag);
        const deleted = (winner === 'first') === (order === 'delete first');
        const disk = await onDisk(name);
        expect(stateIssues(disk)).to.deep.equal([]);
        expect(disk.events.has(ev.id)).to.equal(!deleted);
        const tagged = what === 'annotation' ? eventsOf(disk.annotations.get(x.id)!) : disk.claims.get(c1.id)!.events;
        expect(tagged).to.deep.equal(deleted ? [] : [ev.id]);
      });
    }
  });
}
