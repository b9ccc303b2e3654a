// Seeded property test of the door: two readers edit apart, one receives the other's map again and again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CrossreadStore,
  MemoryPersistence,
  StoreError,
  compareVersions,
  stateIssues,
  type IncomingBatch,
  type IncomingRemoval,
  type ReceiveSummary,
  type SharedCollection,
  type SharedRecord,
  type StoreState,
} from '../../src/store/index.ts';
import { sameRecord } from '../../src/store/diff.ts';
import { fixedId, target } from './store-fixtures.ts';
import { makeStore } from './claims-fixtures.ts';
import { checkedState } from '../shared/state-of.ts';

const SHARED: SharedCollection[] = ['annotations', 'events', 'claims', 'links'];
const SUMMARY_KINDS: readonly (keyof ReceiveSummary)[] = ['added', 'updated', 'unchanged', 'removed', 'conflicts'];

const reader = (base: number) => makeStore({ idBase: base });
// The same map in a second database (another device; later, live sync): both may edit its records,
// which another reader's layer would not allow (ADR 0013).
const twin = (of: CrossreadStore, base: number) =>
  makeStore({ idBase: base, persistence: new MemoryPersistence({ identity: { replica: fixedId(base), layer: of.localLayer! } }) });

type Op =
  | { who: 'a' | 'b'; kind: 'annotate' | 'claim' | 'edit' | 'delete-claim' | 'delete-annotation' | 'link'; pick: number; pick2: number }
  | { kind: 'transfer'; as: 'import' | 'sync' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    who: fc.constantFrom('a' as const, 'b' as const),
    // Mostly building and editing, so both sides often touch the same claims between transfers.
    kind: fc.constantFrom(...(['annotate', 'annotate', 'claim', 'claim', 'edit', 'edit', 'edit', 'delete-claim', 'delete-annotation', 'link'] as const)),
    pick: fc.nat(7),
    pick2: fc.nat(7),
  }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), as: fc.constantFrom('import' as const, 'sync' as const) }) },
);

const nth = <T>(values: Iterable<T>, i: number): T | undefined => {
  const all = [...values];
  return all.length ? all[i % all.length] : undefined;
};

async function act(store: CrossreadStore, o: Extract<Op, { who: 'a' | 'b' }>): Promise<void> {
  const annotation = nth(store.annotations.values(), o.pick);
  const claim = nth(store.claims.values(), o.pick);
  const other = nth(store.claims.values(), o.pick2);
  switch (o.kind) {
    case 'annotate':
      await store.createAnnotation({ target: target('doc', o.pick % 500) });
      return;
    case 'claim':
      if (annotation) await store.createClaim({ statement: `Claim ${o.pick2 % 7}`, evidence: { annotation: annotation.id, stance: 'asserts' } });
      return;
    case 'edit':
      if (claim) await store.updateClaim(claim.id, { statement: `Edited ${o.pick2 % 5}` });
      return;
    case 'delete-claim':
      if (claim) await store.deleteClaims([claim.id]);
      return;
    case 'delete-annotation':
      if (annotation) await store.deleteAnnotations([annotation.id], { orphanedClaims: o.pick2 % 2 ? 'keep' : 'delete' });
      return;
    case 'link':
      if (claim && other && claim.id !== other.id) {
        try {
          await store.createLink({ relation: 'supports', from: claim.id, to: other.id });
        } catch (error) {
          if (!(error instanceof StoreError && error.kind === 'invalid')) throw error;
        }
      }
  }
}

const asState = (s: CrossreadStore): StoreState => ({
  annotations: new Map(s.annotations), settings: new Map(), claims: new Map(s.claims), links: new Map(s.links), events: new Map(s.events), sources: new Map(s.sources),
});

function sorted(state: Pick<StoreState, SharedCollection>) {
  return SHARED.map((c) => [...(state[c] as ReadonlyMap<string, SharedRecord>).values()].sort((x, y) => x.id.localeCompare(y.id)));
}

describe('fuzz: receiving another reader’s map again and again', () => {
  it('never dangles, never loses a newer version, and re-receiving changes nothing', async () => {
    let accepted = 0;
    let refused = 0;
    const totals: Partial<ReceiveSummary> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 50, size: 'max' }), async (ops) => {
        const a = await reader(0);
        const b = await twin(a.store, 100_000);
        // What `a` last received of `b`, to send deletions with the version `b` deleted.
        const lastSent = new Map<string, { collection: SharedCollection; record: SharedRecord }>();
        for (const o of ops) {
          if (o.kind !== 'transfer') {
            await act(o.who === 'a' ? a.store : b.store, o);
            continue;
          }
          const put = SHARED.flatMap((collection) => [...(b.store[collection] as ReadonlyMap<string, SharedRecord>).values()].map((record) => ({ collection, record })));
          const here = new Set(put.map(({ collection, record }) => `${collection} ${record.id}`));
          const remove: IncomingRemoval[] = [...lastSent].filter(([key]) => !here.has(key))
            .map(([, { collection, record }]) => ({ collection, id: record.id, version: record.version }));
          const batch: IncomingBatch = { put, remove };
          const before = sorted(asState(a.store));
          let result;
          try {
            result = await a.store.receive(batch, o.as);
          } catch (error) {
            // Refused only as `invalid`: a deletion or a conflict would leave a reference dangling. Nothing changed.
            expect(error).toBeInstanceOf(StoreError);
            expect((error as StoreError).kind).toBe('invalid');
            expect(sorted(asState(a.store))).toEqual(before);
            refused++;
            continue;
          }
          accepted++;
          for (const k of SUMMARY_KINDS) totals[k] = (totals[k] ?? 0) + result.summary[k];
          lastSent.clear();
          for (const p of put) lastSent.set(`${p.collection} ${p.record.id}`, p);
          // Nothing `a` holds is older than what it received; the same version means the same record.
          for (const { collection, record } of put) {
            const mine = (a.store[collection] as ReadonlyMap<string, SharedRecord>).get(record.id)!;
            const order = compareVersions(mine.version, record.version);
            expect(order).not.toBe('older');
            if (order === 'same') expect(sameRecord(mine, record)).toBe(true);
          }
          expect(result.conflicts.every((c) => sameRecord((a.store[c.collection] as ReadonlyMap<string, SharedRecord>).get(c.id), c.local))).toBe(true);
          expect((await a.store.receive(batch, o.as)).diff).toEqual({});
          expect(stateIssues(asState(a.store))).toEqual([]);
          expect(sorted(asState(a.store))).toEqual(sorted(checkedState(await a.persistence.loadAll())));
        }
      }),
      { numRuns: 150, seed: 20260401 },
    );
    // A property that never merges, conflicts or refuses proves little about them.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(0);
    for (const kind of SUMMARY_KINDS) expect(totals[kind], kind).toBeGreaterThan(0);
  }, 60_000);
});
