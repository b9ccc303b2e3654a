import { describe, expect, it } from 'vitest';
import * as graph from '../../src/map/graph.ts';
import { crossLinks, evidenceSources, homeSources, linkViews } from '../../src/map/graph.ts';
import { relationPhrase } from '../../src/map/words.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';
import { world } from './graph-fixtures.ts';

describe('map/graph', () => {
  it('exports its public API', () => {
    expect(Object.keys(graph).sort()).toEqual(['crossLinks', 'evidenceSources', 'homeSources', 'linkViews']);
  });

  it('groups a claim’s evidence by source, in the order of first evidence', async () => {
    const w = await world();
    expect(evidenceSources(w.store, w.B.id)).toEqual([{ source: 'doc-b', annotations: [w.b1.id] }]);
    expect(evidenceSources(w.store, 'urn:uuid:nope')).toEqual([]);
  });

  it('sees each link from a claim with its direction and where the other claim’s evidence lies', async () => {
    const w = await world();
    const views = linkViews(w.store, w.A.id);
    expect(views.map((v) => [v.link.id, v.other.id, v.direction])).toEqual([
      [w.AB.id, w.B.id, 'mutual'],
      [w.CA.id, w.C.id, 'in'],
      [w.DA.id, w.D.id, 'in'],
    ]);
    expect(views[2]!.evidence).toEqual([{ source: 'doc-c', annotations: [w.c1.id] }]);
    expect(linkViews(w.store, w.C.id).map((v) => v.direction)).toEqual(['out']);
    expect(views.map(relationPhrase)).toEqual(['contradicts', 'is supported by', 'is qualified by']);
    expect(relationPhrase(linkViews(w.store, w.C.id)[0]!)).toBe('supports');
  });

  it('lists the links between the two sources, each once, read from the left', async () => {
    const w = await world();
    const ab = crossLinks(w.store, 'doc-a', 'doc-b');
    // A (made in doc-a; doc-b argues against it) ⨯ B (made in doc-b): between the sources.
    // C → A: both made in doc-a; A's passage in doc-b does not make C–A a link between them.
    expect(ab.map((x) => [x.link.id, x.left.id, x.right.id, x.direction])).toEqual([[w.AB.id, w.A.id, w.B.id, 'mutual']]);
    // Seen from doc-b, B (made there) stands left, though A also has a passage in doc-b.
    expect(crossLinks(w.store, 'doc-b', 'doc-a').map((x) => [x.link.id, x.left.id, x.right.id])).toEqual([[w.AB.id, w.B.id, w.A.id]]);
    const ca = crossLinks(w.store, 'doc-c', 'doc-a');
    expect(ca.map((x) => [x.left.id, x.right.id, x.direction])).toEqual([[w.D.id, w.A.id, 'out']]);
    expect(crossLinks(w.store, 'doc-b', 'doc-c').map((x) => [x.left.id, x.right.id, x.direction])).toEqual([[w.A.id, w.D.id, 'in']]);
    expect(crossLinks(w.store, 'doc-z', 'doc-a')).toEqual([]);
  });

  it('knows where a claim is made: passages that assert or mention it, not those arguing against it', async () => {
    const w = await world();
    expect([...homeSources(w.store, w.A.id)]).toEqual(['doc-a']);
    expect([...homeSources(w.store, w.C.id)]).toEqual(['doc-a']); // mentions
    expect([...homeSources(w.store, 'urn:uuid:nope')]).toEqual([]);
  });

  it('does not count a link between two claims of one source when one also has a passage in the other', async () => {
    const { store } = await makeStore();
    const a1 = (await store.createAnnotation({ target: target('doc-a', 0) })).value;
    const a2 = (await store.createAnnotation({ target: target('doc-a', 100) })).value;
    const b1 = (await store.createAnnotation({ target: target('doc-b', 0) })).value;
    const b2 = (await store.createAnnotation({ target: target('doc-b', 100) })).value;
    // X is asserted in both sources, Y in doc-a only: X–Y is doc-a's own reasoning.
    const X = (await store.createClaim({ statement: 'X', evidence: { annotation: a1.id, stance: 'asserts' } })).value;
    await store.addEvidence(X.id, { annotation: b1.id, stance: 'asserts' });
    const Y = (await store.createClaim({ statement: 'Y', evidence: { annotation: a2.id, stance: 'asserts' } })).value;
    await store.createLink({ relation: 'supports', from: Y.id, to: X.id });
    // Z is only argued against, in doc-b; W is asserted in doc-a: doc-a stands where doc-b does not.
    const W = (await store.createClaim({ statement: 'W', evidence: { annotation: a2.id, stance: 'mentions' } })).value;
    const Z = (await store.createClaim({ statement: 'Z', evidence: { annotation: b2.id, stance: 'argues-against' } })).value;
    const WZ = (await store.createLink({ relation: 'qualifies', from: W.id, to: Z.id })).value;
    expect(crossLinks(store, 'doc-a', 'doc-b').map((x) => [x.link.id, x.left.id, x.right.id, x.direction])).toEqual([[WZ.id, W.id, Z.id, 'out']]);
    expect(crossLinks(store, 'doc-b', 'doc-a').map((x) => [x.link.id, x.left.id, x.right.id, x.direction])).toEqual([[WZ.id, Z.id, W.id, 'in']]);
  });

  it('puts the end made in the left source on the left, with the direction read from it', async () => {
    const { store } = await makeStore();
    const a1 = (await store.createAnnotation({ target: target('doc-a', 0) })).value;
    const b1 = (await store.createAnnotation({ target: target('doc-b', 0) })).value;
    const b2 = (await store.createAnnotation({ target: target('doc-b', 100) })).value;
    // Q (older) is made in doc-a and argued against in doc-b; R is made in doc-b.
    const Q = (await store.createClaim({ statement: 'Q', evidence: { annotation: a1.id, stance: 'asserts' } })).value;
    await store.addEvidence(Q.id, { annotation: b1.id, stance: 'argues-against' });
    const R = (await store.createClaim({ statement: 'R', evidence: { annotation: b2.id, stance: 'asserts' } })).value;
    const QR = (await store.createLink({ relation: 'supports', from: Q.id, to: R.id })).value;
    expect(crossLinks(store, 'doc-b', 'doc-a').map((x) => [x.link.id, x.left.id, x.right.id, x.direction])).toEqual([[QR.id, R.id, Q.id, 'in']]);
    expect(crossLinks(store, 'doc-a', 'doc-b').map((x) => [x.link.id, x.left.id, x.right.id, x.direction])).toEqual([[QR.id, Q.id, R.id, 'out']]);
  });
});
