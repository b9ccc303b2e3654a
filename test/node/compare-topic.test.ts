import { describe, expect, it } from 'vitest';
import * as topic from '../../src/map/topic.ts';
import { compareTopic, topicSources, type TopicComparison } from '../../src/map/topic.ts';
import { relationPhrase } from '../../src/map/words.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

const SOURCES = ['doc-a', 'doc-b', 'doc-c'];

/**
 * Three sources and one event E. doc-a: a1 (filed under E; claim A asserts), a3 (filed, no claim;
 * made last but earlier in the text), a2 (not filed; claim C, filed under E, mentions it).
 * doc-b: b1 (B asserts, A argues against), b2 (S asserts). doc-c: c1 (D asserts; nothing on E).
 * Links: A ⨯ B, S → A (supports), C → A (supports, both doc-a), D → A (qualifies; D not on E).
 * U is filed under E and has lost its only passage.
 */
async function world() {
  const { store } = await makeStore();
  const E = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
  const other = (await store.createEvent({ name: 'CSTO deployment', start: '2022-01-06' })).value;
  const passage = async (source: string, at: number, events: string[] = [], tags: string[] = []) =>
    (await store.createAnnotation({ target: target(source, at), events, tags })).value;
  const a1 = await passage('doc-a', 0, [E.id]);
  const a2 = await passage('doc-a', 200);
  const b1 = await passage('doc-b', 0);
  const b2 = await passage('doc-b', 300);
  const c1 = await passage('doc-c', 0, [], ['kz']);
  const u1 = await passage('doc-c', 500);
  const claim = async (statement: string, annotation: string, extra: { events?: string[]; tags?: string[] } = {}) =>
    (await store.createClaim({ statement, evidence: { annotation, stance: 'asserts' }, ...extra })).value;
  const A = await claim('Forces were stood down on purpose', a1.id);
  const B = await claim('Police units collapsed', b1.id, { events: [E.id], tags: ['kz'] });
  const C = (await store.createClaim({ statement: 'The elite was split', evidence: { annotation: a2.id, stance: 'mentions' }, events: [E.id] })).value;
  const S = await claim('The order came from above', b2.id, { events: [E.id] });
  const D = await claim('Only in Almaty', c1.id);
  const U = await claim('Nobody knows who shot first', u1.id, { events: [E.id] });
  await store.removeEvidence(U.id, u1.id);
  await store.addEvidence(A.id, { annotation: b1.id, stance: 'argues-against' });
  const a3 = await passage('doc-a', 50, [E.id]);
  const AB = (await store.createLink({ relation: 'contradicts', from: A.id, to: B.id, rationale: 'Stood down, or overrun?' })).value;
  const SA = (await store.createLink({ relation: 'supports', from: S.id, to: A.id })).value;
  await store.createLink({ relation: 'supports', from: C.id, to: A.id });
  await store.createLink({ relation: 'qualifies', from: D.id, to: A.id });
  return { store, E, other, a1, a2, a3, b1, b2, c1, A, B, C, S, D, U, AB, SA };
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const column = (cmp: TopicComparison, source: string) => cmp.columns.find((c) => c.source === source)!;

describe('compare/topic', () => {
  it('exports its public API', () => {
    expect(Object.keys(topic).sort()).toEqual(['compareTopic', 'topicSources']);
  });

  it('gives one column per source, each source’s passages in reading order with the claims they bear on', async () => {
    const w = await world();
    const cmp = compareTopic(w.store, SOURCES, { kind: 'event', id: w.E.id });
    expect(cmp.columns.map((c) => c.source)).toEqual(SOURCES);
    const a = column(cmp, 'doc-a');
    // a3 was made last but stands before a2 in the text.
    expect(a.passages.map((p) => [p.annotation.id, p.filed, p.claims.map((c) => [c.claim.id, c.stance])])).toEqual([
      [w.a1.id, true, [[w.A.id, 'asserts']]],
      [w.a3.id, true, []],
      [w.a2.id, false, [[w.C.id, 'mentions']]],
    ]);
    expect(ids(a.claims)).toEqual([w.A.id, w.C.id]);
    const b = column(cmp, 'doc-b');
    // A is about E through its filed passage a1; b1 argues against it and asserts B.
    expect(b.passages.map((p) => [p.annotation.id, p.claims.map((c) => [c.claim.id, c.stance])])).toEqual([
      [w.b1.id, [[w.A.id, 'argues-against'], [w.B.id, 'asserts']]],
      [w.b2.id, [[w.S.id, 'asserts']]],
    ]);
    expect(ids(b.claims)).toEqual([w.B.id, w.S.id]); // A is argued against there, not made there
    expect(ids(cmp.unplaced)).toEqual([w.U.id]);
    expect(cmp.empty).toBe(false);
  });

  it('shows a source that says nothing on the topic as silent, even when it says other things', async () => {
    const w = await world();
    const c = column(compareTopic(w.store, SOURCES, { kind: 'event', id: w.E.id }), 'doc-c');
    expect(c.passages).toEqual([]);
    expect(c.claims).toEqual([]);
  });

  it('lists the links between claims of different columns, each once, and leaves out same-source and off-topic ones', async () => {
    const w = await world();
    const cmp = compareTopic(w.store, SOURCES, { kind: 'event', id: w.E.id });
    expect(cmp.links.map((x) => [x.link.id, x.leftSource, x.left.id, relationPhrase(x), x.rightSource, x.right.id])).toEqual([
      [w.AB.id, 'doc-a', w.A.id, 'contradicts', 'doc-b', w.B.id],
      [w.SA.id, 'doc-a', w.A.id, 'is supported by', 'doc-b', w.S.id],
    ]);
  });

  it('counts per source its claims and how many each other source supports or contradicts', async () => {
    const w = await world();
    const cmp = compareTopic(w.store, SOURCES, { kind: 'event', id: w.E.id });
    expect(cmp.summary).toEqual([
      // A: argued against by b1 and contradicted by B (counted once), supported by S. C: untouched.
      { source: 'doc-a', claims: 2, others: [{ source: 'doc-b', supported: 1, contradicted: 1 }, { source: 'doc-c', supported: 0, contradicted: 0 }] },
      // B is contradicted by A; S supports A, which does not make S supported.
      { source: 'doc-b', claims: 2, others: [{ source: 'doc-a', supported: 0, contradicted: 1 }, { source: 'doc-c', supported: 0, contradicted: 0 }] },
      { source: 'doc-c', claims: 0, others: [{ source: 'doc-a', supported: 0, contradicted: 0 }, { source: 'doc-b', supported: 0, contradicted: 0 }] },
    ]);
  });

  it('counts a passage of another source that asserts a claim as support from that source', async () => {
    const w = await world();
    await w.store.addEvidence(w.C.id, { annotation: w.c1.id, stance: 'asserts' });
    const cmp = compareTopic(w.store, SOURCES, { kind: 'event', id: w.E.id });
    expect(cmp.summary[0]!.others[1]).toEqual({ source: 'doc-c', supported: 1, contradicted: 0 });
    // C is now made in doc-c too, so doc-c speaks on E.
    expect(column(cmp, 'doc-c').passages.map((p) => p.annotation.id)).toEqual([w.c1.id]);
  });

  it('compares on a tag the same way: tagged passages and claims, and the claims citing those passages', async () => {
    const w = await world();
    const cmp = compareTopic(w.store, SOURCES, { kind: 'tag', tag: 'kz' });
    expect(cmp.columns.map((c) => c.passages.map((p) => p.annotation.id))).toEqual([[], [w.b1.id], [w.c1.id]]);
    expect(column(cmp, 'doc-c').passages[0]).toMatchObject({ filed: true, claims: [{ claim: { id: w.D.id }, stance: 'asserts' }] });
    expect(cmp.links).toEqual([]); // D → A and A ⨯ B: A is not on the tag
  });

  it('says when nothing is filed under a topic, with every source silent', async () => {
    const w = await world();
    for (const t of [{ kind: 'event', id: w.other.id } as const, { kind: 'tag', tag: 'nothing' } as const]) {
      const cmp = compareTopic(w.store, SOURCES, t);
      expect(cmp.empty).toBe(true);
      expect(cmp.columns.every((c) => c.passages.length === 0)).toBe(true);
      expect(cmp.links).toEqual([]);
    }
  });

  it('adds a column for a source with passages on the topic that the list lacks', async () => {
    const w = await world();
    const cmp = compareTopic(w.store, ['doc-b'], { kind: 'event', id: w.E.id });
    expect(cmp.columns.map((c) => c.source)).toEqual(['doc-b', 'doc-a']);
  });

  it('compares the library’s sources, then every other source the store has passages of', async () => {
    const w = await world();
    await w.store.createAnnotation({ target: target('user-123abc', 0) });
    expect(topicSources(['doc-b', 'doc-z'], w.store.annotations.values())).toEqual(['doc-b', 'doc-z', 'doc-a', 'doc-c', 'user-123abc']);
  });
});
