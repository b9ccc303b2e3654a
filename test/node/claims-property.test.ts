// Seeded property test: after any sequence of actions over annotations, claims, links and events,
// with undo and redo, no reference dangles, memory equals storage, and undo/redo follow a model of past states.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CrossreadStore,
  MemoryPersistence,
  STANCES,
  StoreError,
  eventsOf,
  type LinkRelation,
  type Stance,
} from '../../src/store/index.ts';
import { fixedId, target } from './store-fixtures.ts';
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

type Op =
  | { kind: 'annotate'; n: number; event: number | null }
  | { kind: 'tagAnnotation'; pick: number; event: number | null }
  | { kind: 'deleteAnnotations'; picks: number[]; orphaned: 'keep' | 'delete' }
  | { kind: 'claim'; annotation: number; stance: Stance }
  | { kind: 'editClaim'; pick: number; tags: string[]; event: number | null }
  | { kind: 'addEvidence'; pick: number; annotation: number; stance: Stance }
  | { kind: 'removeEvidence'; pick: number; nth: number }
  | { kind: 'setStance'; pick: number; nth: number; stance: Stance }
  | { kind: 'deleteClaims'; picks: number[] }
  | { kind: 'mergeClaims'; keep: number; drop: number }
  | { kind: 'link'; from: number; to: number; relation: LinkRelation }
  | { kind: 'editLink'; pick: number; relation: LinkRelation }
  | { kind: 'deleteLinks'; picks: number[] }
  | { kind: 'event'; start: string }
  | { kind: 'renameEvent'; pick: number; name: string }
  | { kind: 'mergeEvents'; keep: number; drop: number }
  | { kind: 'deleteEvent'; pick: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

// Small picks: ids are chosen modulo the collection size, and small numbers make collisions (merges, duplicates) likely.
const nat = fc.nat(8);
const stance = fc.constantFrom(...STANCES);
const relation = fc.constantFrom<LinkRelation>('supports', 'contradicts', 'qualifies');
const maybe = fc.option(nat, { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('annotate' as const), n: fc.nat(1000), event: maybe }), weight: 4 },
  fc.record({ kind: fc.constant('tagAnnotation' as const), pick: nat, event: maybe }),
  fc.record({ kind: fc.constant('deleteAnnotations' as const), picks: fc.array(nat, { maxLength: 2 }), orphaned: fc.constantFrom('keep' as const, 'delete' as const) }),
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), annotation: nat, stance }), weight: 4 },
  fc.record({ kind: fc.constant('editClaim' as const), pick: nat, tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }), event: maybe }),
  { arbitrary: fc.record({ kind: fc.constant('addEvidence' as const), pick: nat, annotation: nat, stance }), weight: 2 },
  fc.record({ kind: fc.constant('removeEvidence' as const), pick: nat, nth: nat }),
  fc.record({ kind: fc.constant('setStance' as const), pick: nat, nth: nat, stance }),
  fc.record({ kind: fc.constant('deleteClaims' as const), picks: fc.array(nat, { maxLength: 2 }) }),
  { arbitrary: fc.record({ kind: fc.constant('mergeClaims' as const), keep: nat, drop: nat }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('link' as const), from: nat, to: nat, relation }), weight: 10 },
  { arbitrary: fc.record({ kind: fc.constant('editLink' as const), pick: nat, relation }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('deleteLinks' as const), picks: fc.array(nat, { maxLength: 2 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('event' as const), start: fc.constantFrom('2020', '2022-01', '2022-01-04') }), weight: 2 },
  fc.record({ kind: fc.constant('renameEvent' as const), pick: nat, name: fc.constantFrom('Almaty', 'Minsk') }),
  { arbitrary: fc.record({ kind: fc.constant('mergeEvents' as const), keep: nat, drop: nat }), weight: 3 },
  fc.record({ kind: fc.constant('deleteEvent' as const), pick: nat }),
  { arbitrary: fc.constant({ kind: 'undo' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'redo' as const }), weight: 2 },
);

// Refusals an action makes by design for some inputs; anything else (notably "Dangling reference") is a bug.
const EXPECTED_REFUSALS = /already linked|linked to itself|merged into itself/;

async function run(store: CrossreadStore, o: Op): Promise<void> {
  const ids = <R>(m: ReadonlyMap<string, R>) => [...m.keys()];
  const pick = <R>(m: ReadonlyMap<string, R>, i: number) => ids(m)[i % Math.max(1, m.size)];
  const ann = (i: number) => pick(store.annotations, i);
  const claim = (i: number) => pick(store.claims, i);
  const event = (i: number | null) => (i === null ? [] : [pick(store.events, i)].filter((e): e is string => e !== undefined));
  switch (o.kind) {
    case 'annotate':
      return void ((await store.createAnnotation({ target: target('doc', o.n), events: event(o.event) })).value);
    case 'tagAnnotation':
      if (ann(o.pick)) await store.updateAnnotation(ann(o.pick)!, { events: event(o.event) });
      return;
    case 'deleteAnnotations':
      return void (await store.deleteAnnotations(o.picks.map((p) => ann(p) ?? ''), { orphanedClaims: o.orphaned }));
    case 'claim':
      if (ann(o.annotation)) await store.createClaim({ statement: `claim ${o.annotation}`, evidence: { annotation: ann(o.annotation)!, stance: o.stance } });
      return;
    case 'editClaim':
      if (claim(o.pick)) await store.updateClaim(claim(o.pick)!, { tags: o.tags, events: event(o.event) });
      return;
    case 'addEvidence':
      if (claim(o.pick) && ann(o.annotation)) await store.addEvidence(claim(o.pick)!, { annotation: ann(o.annotation)!, stance: o.stance });
      return;
    case 'removeEvidence':
    case 'setStance': {
      const c = claim(o.pick) === undefined ? undefined : store.getClaim(claim(o.pick)!);
      const e = c?.evidence[o.nth % Math.max(1, c.evidence.length)];
      if (!c || !e) return;
      if (o.kind === 'removeEvidence') await store.removeEvidence(c.id, e.annotation);
      else await store.setStance(c.id, e.annotation, o.stance);
      return;
    }
    case 'deleteClaims':
      return void (await store.deleteClaims(o.picks.map((p) => claim(p) ?? '')));
    case 'mergeClaims':
      if (claim(o.keep) && claim(o.drop)) await store.mergeClaims(claim(o.keep)!, claim(o.drop)!);
      return;
    case 'link':
      if (claim(o.from) && claim(o.to)) await store.createLink({ relation: o.relation, from: claim(o.from)!, to: claim(o.to)! });
      return;
    case 'editLink':
      if (pick(store.links, o.pick)) await store.updateLink(pick(store.links, o.pick)!, { relation: o.relation });
      return;
    case 'deleteLinks':
      return void (await store.deleteLinks(o.picks.map((p) => pick(store.links, p) ?? '')));
    case 'event':
      return void ((await store.createEvent({ name: `Event ${o.start}`, start: o.start })).value);
    case 'renameEvent':
      if (pick(store.events, o.pick)) await store.updateEvent(pick(store.events, o.pick)!, { name: o.name });
      return;
    case 'mergeEvents':
      if (pick(store.events, o.keep) && pick(store.events, o.drop)) await store.mergeEvents(pick(store.events, o.keep)!, pick(store.events, o.drop)!);
      return;
    case 'deleteEvent':
      if (pick(store.events, o.pick)) await store.deleteEvent(pick(store.events, o.pick)!);
      return;
    default:
      throw new Error(`not an action: ${o.kind}`);
  }
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
