// Seeded property test: after any sequence of actions over annotations, claims, links and events,
// with undo and redo, no reference dangles, memory equals storage, and undo/redo follow a model of past states.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CrossreadStore, MemoryPersistence, StoreError, eventsOf } from '../../src/store/index.ts';
import { fixedId } from './store-fixtures.ts';
import { EXPECTED_REFUSALS, op, run, type Op } from './claims-ops.ts';
import { sameRecord } from '../../src/store/diff.ts';
import { compareVersions, type Version } from '../../src/store/versions.ts';
import { checkedState } from '../shared/state-of.ts';

const open: CrossreadStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/**
 * Written independently of `src/store/integrity.ts`, so a bug there cannot hide one in the actions.
 * Returns every broken rule as text; empty means the invariants hold.
 */
function brokenInvariants(store: CrossreadStore): string[] {
  const out: string[] = [];
  for (const a of store.annotations.values()) {
    for (const e of eventsOf(a)) if (!store.events.has(e)) out.push(`annotation ${a.id} → missing event ${e}`);
  }
  for (const c of store.claims.values()) {
    const cited = c.evidence.map((e) => e.annotation);
    if (new Set(cited).size !== cited.length) out.push(`claim ${c.id} cites an annotation twice`);
    for (const id of cited) if (!store.annotations.has(id)) out.push(`claim ${c.id} → missing annotation ${id}`);
    for (const e of c.events) if (!store.events.has(e)) out.push(`claim ${c.id} → missing event ${e}`);
  }
  const seen = new Set<string>();
  for (const l of store.links.values()) {
    if (!store.claims.has(l.from) || !store.claims.has(l.to)) out.push(`link ${l.id} → missing claim`);
    if (l.from === l.to) out.push(`link ${l.id} is a self-link`);
    const ends = l.relation === 'contradicts' ? [l.from, l.to].sort() : [l.from, l.to];
    const key = `${l.relation}:${ends.join('|')}`;
    if (seen.has(key)) out.push(`link ${l.id} duplicates ${key}`);
    seen.add(key);
  }
  return out;
}

type Maps = { [K in 'annotations' | 'claims' | 'links' | 'events']: ReadonlyMap<string, { id: string }> };

/**
 * The records of a store or a database state, sorted by id, as JSON: equal strings, equal data.
 * Without versions unless asked: undo restores content, while versions move on (ADR 0004).
 */
function snapshot(s: Maps, withVersions = false): string {
  const strip = (r: { id: string }) => (withVersions ? r : { ...r, version: undefined });
  const sorted = (m: ReadonlyMap<string, { id: string }>) => [...m.values()].sort((a, b) => a.id.localeCompare(b.id)).map(strip);
  return JSON.stringify([sorted(s.annotations), sorted(s.claims), sorted(s.links), sorted(s.events)]);
}

type Versioned = { id: string; version: Version };

/** Every record of a store by collection and id, to follow versions from one step to the next. */
function versionsOf(store: CrossreadStore): Map<string, Versioned> {
  const out = new Map<string, Versioned>();
  for (const c of ['annotations', 'claims', 'links', 'events'] as const) for (const r of store[c].values()) out.set(`${c} ${r.id}`, r);
  return out;
}

/** Versions that did not move forward with a change, or moved without one. */
function versionProblems(before: Map<string, Versioned>, after: Map<string, Versioned>): string[] {
  const problems: string[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) continue;
    const changed = !sameRecord({ ...was, version: undefined }, { ...now, version: undefined });
    const order = compareVersions(now.version, was.version);
    if (order !== (changed ? 'newer' : 'same')) problems.push(`${key}: ${changed ? 'changed' : 'unchanged'} but ${order}`);
  }
  return problems;
}

describe('fuzz: no dangling reference after any sequence of actions, undos and redos', () => {
  it('holds for random sequences', async () => {
    // Which kinds of op changed something, over all runs: a property that never merges proves nothing about merging.
    const effective = new Map<Op['kind'], number>();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60, size: 'max' }), async (ops) => {
        const persistence = new MemoryPersistence();
        let n = 0;
        const store = new CrossreadStore({
          openPersistence: () => Promise.resolve(persistence),
          now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, n)).toISOString(),
          newId: () => fixedId(++n),
          undoLimit: 1000,
        });
        await store.open();
        open.push(store);
        const past: string[] = [];
        let future: string[] = [];
        for (const o of ops) {
          const before = snapshot(store);
          const versionsBefore = versionsOf(store);
          if (o.kind === 'undo') {
            // One tab, undo in order: never refused, and back to exactly the state before the action.
            expect((await store.undo()).done).toBe(past.length > 0);
            if (past.length) {
              future.push(before);
              expect(snapshot(store)).toBe(past.pop());
            }
          } else if (o.kind === 'redo') {
            expect((await store.redo()).done).toBe(future.length > 0);
            if (future.length) {
              past.push(before);
              expect(snapshot(store)).toBe(future.pop());
            }
          } else {
            try {
              await run(store, o);
            } catch (error) {
              if (!(error instanceof StoreError && error.kind === 'invalid' && EXPECTED_REFUSALS.test(error.message))) throw error;
            }
            if (snapshot(store) !== before) {
              effective.set(o.kind, (effective.get(o.kind) ?? 0) + 1);
              past.push(before);
              future = [];
            }
          }
          expect(brokenInvariants(store)).toEqual([]);
          // Every local write, undo and redo included, moves the version of what it changed, and only that.
          expect(versionProblems(versionsBefore, versionsOf(store))).toEqual([]);
          expect(snapshot(store, true)).toBe(snapshot(checkedState(await persistence.loadAll()), true));
        }
        while ((await store.undo()).done);
        expect(snapshot(store)).toBe(JSON.stringify([[], [], [], []]));
        store.close();
      }),
      { numRuns: 400, seed: 20250301 },
    );
    const kinds = ['annotate', 'tagAnnotation', 'deleteAnnotations', 'claim', 'editClaim', 'addEvidence', 'removeEvidence', 'setStance',
      'deleteClaims', 'mergeClaims', 'link', 'editLink', 'deleteLinks', 'event', 'renameEvent', 'mergeEvents', 'deleteEvent'] as const;
    for (const kind of kinds) expect(effective.get(kind) ?? 0, kind).toBeGreaterThan(10);
  });
});
