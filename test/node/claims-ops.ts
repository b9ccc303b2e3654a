// Random store actions for property tests (claims-property, map-model): an op generator and
// the function that applies an op to a store. Undo and redo are left to the test.
import fc from 'fast-check';
import { STANCES, type CrossreadStore, type LinkRelation, type Stance } from '../../src/store/index.ts';
import { target } from './store-fixtures.ts';

export type Op =
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
export const op: fc.Arbitrary<Op> = fc.oneof(
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
export const EXPECTED_REFUSALS = /already linked|linked to itself|merged into itself/;

export async function run(store: CrossreadStore, o: Op): Promise<void> {
  const ids = <R>(m: ReadonlyMap<string, R>) => [...m.keys()];
  const pick = <R>(m: ReadonlyMap<string, R>, i: number) => ids(m)[i % Math.max(1, m.size)];
  const ann = (i: number) => pick(store.annotations, i);
  const claim = (i: number) => pick(store.claims, i);
  const event = (i: number | null) => (i === null ? [] : [pick(store.events, i)].filter((e): e is string => e !== undefined));
  switch (o.kind) {
    case 'annotate':
      return void ((await store.createAnnotation({ target: target(`doc-${o.n % 3}`, o.n), events: event(o.event) })).value);
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
