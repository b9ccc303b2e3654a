// Claims and links in the store (over MemoryPersistence): actions, cascades, merges, undo, queries.
import { describe, expect, it } from 'vitest';
import { stateIssues } from '../../src/store/index.ts';
import { disk, snapshot, world } from './claims-fixtures.ts';
import { fixedId } from './store-fixtures.ts';

describe('claims', () => {
  it('creates a claim with its first evidence and finds it by source, tag, creator and annotation', async () => {
    const { store, a1, b1, c1, c2 } = await world();
    expect(c1).toMatchObject({ type: 'Claim', statement: 'The violence was aimed at Tokayev', tags: ['kz'], events: [], evidence: [{ annotation: a1.id, stance: 'asserts' }] });
    expect('note' in c1).toBe(false);
    expect(store.claimsOf('doc-a')).toEqual([c1]);
    expect(store.claimsOf('doc-b')).toEqual([c2]);
    expect(store.claimsTagged('kz')).toEqual([c1]);
    expect(store.claimsBy('Anonymous')).toEqual([c1, c2]);
    expect(store.claimsCitingAnnotation(b1.id)).toEqual([c2]);
    expect(store.evidenceOf(c1.id)).toEqual([{ annotation: a1, stance: 'asserts' }]);
    expect(Object.isFrozen(store.claimsOf('doc-a'))).toBe(true);
  });

  it('refuses evidence that does not exist, a blank statement, and changes nothing', async () => {
    const { store, diffs, a1 } = await world();
    const before = diffs.length;
    await expect(store.createClaim({ statement: 'x', evidence: { annotation: fixedId(999), stance: 'asserts' } })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.createClaim({ statement: '  ', evidence: { annotation: a1.id, stance: 'asserts' } })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.createClaim({ statement: 'x', evidence: { annotation: a1.id, stance: 'believes' as never } })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.updateClaim(fixedId(999), { statement: 'x' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(diffs.length).toBe(before);
  });

  it('edits evidence: add, change stance, remove (down to none)', async () => {
    const { store, a1, a2, b1, c1 } = await world();
    let c = (await store.addEvidence(c1.id, { annotation: b1.id, stance: 'mentions' })).value;
    expect(c.evidence.map((e) => e.stance)).toEqual(['asserts', 'mentions']);
    expect(store.claimsOf('doc-b').map((x) => x.id)).toContain(c1.id);
    c = (await store.setStance(c1.id, b1.id, 'argues-against')).value;
    expect(c.evidence).toEqual([{ annotation: a1.id, stance: 'asserts' }, { annotation: b1.id, stance: 'argues-against' }]);
    await expect(store.setStance(c1.id, a2.id, 'mentions')).rejects.toMatchObject({ kind: 'invalid' });
    await store.removeEvidence(c1.id, a1.id);
    c = (await store.removeEvidence(c1.id, b1.id)).value;
    expect(c.evidence).toEqual([]);
    expect(store.claimsOf('doc-a')).toEqual([]);
    // A no-op saves nothing and is not an undo step.
    expect((await store.removeEvidence(c1.id, b1.id)).value).toBe(c);
    expect(store.undoLabel).toBe('Remove evidence');
  });

  it('updates statement, note, tags and events; a no-op edit saves nothing', async () => {
    const { store, diffs, c1 } = await world();
    const ev = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
    const c = (await store.updateClaim(c1.id, { statement: ' Aimed at Tokayev ', note: '**Why** this matters', tags: ['kz', 'kz', 'b'], events: [ev.id] })).value;
    expect(c).toMatchObject({ statement: 'Aimed at Tokayev', note: '**Why** this matters', tags: ['kz', 'b'], events: [ev.id] });
    expect(store.claimsOfEvent(ev.id)).toEqual([c]);
    const n = diffs.length;
    expect((await store.updateClaim(c1.id, { tags: ['kz', 'b'] })).value).toBe(c);
    expect(diffs.length).toBe(n);
    expect('note' in ((await store.updateClaim(c1.id, { note: '  ' })).value)).toBe(false);
    await expect(store.updateClaim(c1.id, { events: [fixedId(999)] })).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('links', () => {
  it('lists a claim’s links in and out; refuses self-links and duplicate contradicts either way round', async () => {
    const { store, persistence, c1, c2, link, a2 } = await world();
    expect(store.linksOf(c1.id)).toEqual([link]);
    expect(store.linksOf(c2.id)).toEqual([link]);
    await expect(store.createLink({ relation: 'supports', from: c1.id, to: c1.id })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.createLink({ relation: 'contradicts', from: c2.id, to: c1.id })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.createLink({ relation: 'supports', from: c1.id, to: fixedId(999) })).rejects.toMatchObject({ kind: 'invalid' });
    // Directed relations: both directions may exist, once each.
    const c3 = (await store.createClaim({ statement: 'Same source', evidence: { annotation: a2.id, stance: 'mentions' } })).value;
    const s1 = (await store.createLink({ relation: 'supports', from: c3.id, to: c1.id })).value;
    const s2 = (await store.createLink({ relation: 'supports', from: c1.id, to: c3.id })).value;
    await expect(store.createLink({ relation: 'supports', from: c3.id, to: c1.id })).rejects.toMatchObject({ kind: 'invalid' });
    expect(store.linksOf(c1.id)).toEqual([link, s1, s2]);
    // Turning s2 into a contradicts is fine; turning s1 into one then duplicates it.
    await store.updateLink(s2.id, { relation: 'contradicts', rationale: 'on reflection' });
    await expect(store.updateLink(s1.id, { relation: 'contradicts' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(store.getLink(s2.id)).toMatchObject({ relation: 'contradicts', rationale: 'on reflection', from: c1.id, to: c3.id });
    expect(stateIssues(await disk(persistence))).toEqual([]);
  });
});

describe('cascades', () => {
  it('deleting claims deletes their links in the same diff, and undo restores both exactly', async () => {
    const { store, diffs, c1, c2, link } = await world();
    const before = snapshot(store);
    const n = diffs.length;
    const result = await store.deleteClaims([c1.id]);
    expect(result.removed).toEqual([c1]);
    expect(result.alsoRemoved).toEqual({ claims: [], links: [link] });
    expect(diffs.length).toBe(n + 1);
    expect(Object.keys(diffs.at(-1)!.links!.removed)).toEqual([link.id]);
    expect(store.linksOf(c2.id)).toEqual([]);
    expect(store.undoLabel).toBe('Delete claim');
    expect((await store.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
    expect((await store.redo()).done).toBe(true);
    expect(store.links.size).toBe(0);
  });

  it('deleting annotations keeps citing claims by default, dropping the evidence', async () => {
    const { store, persistence, a1, b1, c1, c2, link } = await world();
    await store.addEvidence(c2.id, { annotation: a1.id, stance: 'argues-against' });
    expect(store.claimsCitingAnnotation(a1.id).map((c) => c.id)).toEqual([c1.id, c2.id]);
    const before = snapshot(store);
    const result = await store.deleteAnnotations([a1.id]);
    expect(result.alsoRemoved).toEqual({ claims: [], links: [] });
    expect(result.updated.claims.map((c) => [c.id, c.evidence.length])).toEqual([[c1.id, 0], [c2.id, 1]]);
    expect(store.getClaim(c1.id)!.evidence).toEqual([]);
    expect(store.getClaim(c2.id)!.evidence).toEqual([{ annotation: b1.id, stance: 'asserts' }]);
    expect(store.getLink(link.id)).toEqual(link);
    expect(stateIssues(await disk(persistence))).toEqual([]);
    expect((await result.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
  });

  it('deleting annotations can delete claims left without evidence, with their links', async () => {
    const { store, a1, a2, c1, c2, link } = await world();
    const c3 = (await store.createClaim({ statement: 'Two passages', evidence: { annotation: a1.id, stance: 'asserts' } })).value;
    await store.addEvidence(c3.id, { annotation: a2.id, stance: 'asserts' });
    const before = snapshot(store);
    const result = await store.deleteAnnotations([a1.id], { orphanedClaims: 'delete' });
    expect(result.alsoRemoved.claims).toEqual([c1]);
    expect(result.alsoRemoved.links).toEqual([link]);
    expect(result.updated.claims.map((c) => c.id)).toEqual([c3.id]);
    expect(store.getClaim(c2.id)).toBeDefined();
    expect(store.undoLabel).toBe('Delete passage');
    expect((await store.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
  });
});

describe('merging claims', () => {
  it('unites evidence (keeper’s stance wins), tags, events and notes; re-points links; drops self-links and duplicates', async () => {
    const { store, a1, a2, b1, c1, c2, link } = await world();
    const e1 = (await store.createEvent({ name: 'Almaty violence', start: '2022-01' })).value;
    await store.updateClaim(c1.id, { note: 'keeper note', events: [e1.id] });
    await store.updateClaim(c2.id, { note: 'dropped note', tags: ['kz', 'ru'] });
    await store.addEvidence(c2.id, { annotation: a1.id, stance: 'argues-against' });
    const c3 = (await store.createClaim({ statement: 'Third', evidence: { annotation: a2.id, stance: 'mentions' } })).value;
    const l13 = (await store.createLink({ relation: 'supports', from: c3.id, to: c1.id, rationale: 'keeper’s' })).value;
    const l23 = (await store.createLink({ relation: 'supports', from: c3.id, to: c2.id, rationale: 'duplicate after merge' })).value;
    const l32 = (await store.createLink({ relation: 'qualifies', from: c2.id, to: c3.id })).value;
    const before = snapshot(store);

    const kept = (await store.mergeClaims(c1.id, c2.id)).value;
    expect(kept.evidence).toEqual([{ annotation: a1.id, stance: 'asserts' }, { annotation: b1.id, stance: 'asserts' }]);
    expect(kept.tags).toEqual(['kz', 'ru']);
    expect(kept.events).toEqual([e1.id]);
    expect(kept.note).toBe('keeper note\n\ndropped note');
    expect(kept.statement).toBe(c1.statement);
    expect(store.getClaim(c2.id)).toBeUndefined();
    // c1–c2 contradicts became a self-link; c3→c2 supports duplicates c3→c1 supports: both gone.
    expect(store.getLink(link.id)).toBeUndefined();
    expect(store.getLink(l23.id)).toBeUndefined();
    expect(store.getLink(l13.id)).toEqual(l13);
    expect(store.getLink(l32.id)).toMatchObject({ from: c1.id, to: c3.id, relation: 'qualifies' });
    expect(store.linksOf(c1.id).map((l) => l.id)).toEqual([l13.id, l32.id]);
    expect(store.undoLabel).toBe('Merge claims');

    expect((await store.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
    await expect(store.mergeClaims(c1.id, c1.id)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
