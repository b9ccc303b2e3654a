// Every action's own undo handle: it undoes that action, also after later ones, or says why not.
import { describe, expect, it } from 'vitest';
import { until } from '../shared/until.ts';
import { stateOf } from '../shared/state-of.ts';
import { MemoryPersistence, deletionMessage, emptyState, stateIssues } from '../../src/store/index.ts';
import { disk, makeStore, snapshot, world } from './claims-fixtures.ts';
import { fixedId, target } from './store-fixtures.ts';


describe('undo handles', () => {
  it('a merge toast undoes the merge, not a later unrelated edit', async () => {
    const { store, a2, c1, c2 } = await world();
    const c3 = (await store.createClaim({ statement: 'Unrelated', evidence: { annotation: a2.id, stance: 'asserts' } })).value;
    const merged = await store.mergeClaims(c1.id, c2.id);
    expect(merged.label).toBe('Merge claims');
    await store.updateClaim(c3.id, { statement: 'Unrelated, edited' });
    expect(await merged.undo()).toEqual({ done: true, label: 'Merge claims' });
    expect(store.getClaim(c2.id)).toBeDefined();
    expect(store.getClaim(c3.id)!.statement).toBe('Unrelated, edited');
    // Asked again, it says so instead of undoing something else.
    expect(await merged.undo()).toEqual({ done: false, reason: '“Merge claims” is already undone.' });
    expect(store.getClaim(c3.id)!.statement).toBe('Unrelated, edited');
  });

  it('a link toast and an evidence toast undo their own action after later ones', async () => {
    const { store, a2, c1, c2, link } = await world();
    await store.deleteLinks([link.id]);
    const linked = await store.createLink({ relation: 'supports', from: c2.id, to: c1.id, rationale: '' });
    const added = await store.addEvidence(c1.id, { annotation: a2.id, stance: 'mentions' });
    await store.updateClaim(c2.id, { note: 'later' });
    expect((await linked.undo()).done).toBe(true);
    expect(store.getLink(linked.value.id)).toBeUndefined();
    expect(store.getClaim(c1.id)!.evidence).toHaveLength(2);
    expect((await added.undo()).done).toBe(true);
    expect(store.getClaim(c1.id)!.evidence).toHaveLength(1);
    expect(store.getClaim(c2.id)!.note).toBe('later');
  });

  it('says plainly when a later change to the same records stands in the way', async () => {
    const { store, c1 } = await world();
    const edit = await store.updateClaim(c1.id, { statement: 'First edit' });
    await store.updateClaim(c1.id, { statement: 'Second edit' });
    expect(await edit.undo()).toEqual({
      done: false,
      reason: 'Can\'t undo “Edit claim” yet: a later change (“Edit claim”) touched the same claim. Undo that first.',
    });
    expect(store.getClaim(c1.id)!.statement).toBe('Second edit');
  });

  it('an action that changed nothing has nothing to undo', async () => {
    const { store, c1 } = await world();
    const same = await store.updateClaim(c1.id, { statement: c1.statement });
    expect(await same.undo()).toEqual({ done: false, reason: '“Edit claim” changed nothing, so there is nothing to undo.' });
  });

  it('global undo says why instead of "Nothing to undo"', async () => {
    const { store } = await makeStore();
    expect(await store.undo()).toEqual({ done: false, reason: 'Nothing to undo.' });
    expect(await store.redo()).toEqual({ done: false, reason: 'Nothing to redo.' });
  });
});

describe('a claim from a passage is one action', () => {
  it('saves passage and claim in one diff and one undo step', async () => {
    const { store, diffs } = await makeStore();
    const before = diffs.length;
    const made = await store.createClaimFromPassage({ target: target('doc-a', 0), tags: ['kz'] }, { statement: 'Stood down on purpose', stance: 'asserts', tags: ['kz'] });
    expect(diffs.length).toBe(before + 1);
    expect(store.getClaim(made.value.claim.id)!.evidence).toEqual([{ annotation: made.value.annotation.id, stance: 'asserts' }]);
    expect(store.undoLabel).toBe('Create claim');
    expect((await store.undo()).done).toBe(true);
    expect(store.annotations.size).toBe(0);
    expect(store.claims.size).toBe(0);
    expect(store.canUndo).toBe(false);
  });

  it('leaves nothing when the claim is refused', async () => {
    const { store, persistence } = await makeStore();
    await expect(
      store.createClaimFromPassage({ target: target('doc-a', 0) }, { statement: 'x', stance: 'asserts', events: [fixedId(999)] }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.createClaimFromPassage({ target: target('doc-a', 0) }, { statement: '', stance: 'asserts' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(store.annotations.size).toBe(0);
    expect((await disk(persistence)).annotations.size).toBe(0);
  });

  it('adds a passage as evidence in one step', async () => {
    const { store, c1 } = await world();
    const added = await store.addPassageAsEvidence(c1.id, { target: target('doc-b', 300) }, 'argues-against');
    expect(store.getClaim(c1.id)!.evidence.at(-1)).toEqual({ annotation: added.value.annotation.id, stance: 'argues-against' });
    expect((await added.undo()).done).toBe(true);
    expect(store.getAnnotation(added.value.annotation.id)).toBeUndefined();
    await expect(store.addPassageAsEvidence(fixedId(998), { target: target('doc-b', 300) }, 'asserts')).rejects.toMatchObject({ kind: 'invalid' });
    expect(store.getAnnotation(fixedId(1001))).toBeUndefined();
  });
});

/** Two stores on one shared database, as two tabs; the second makes ids from 5000 on. */
async function twoTabs(name: string) {
  const shared = emptyState();
  const tab = (idBase: number) =>
    makeStore({ name, idBase, openPersistence: () => Promise.resolve(new MemoryPersistence({ state: shared, shared: true })) });
  return [await tab(0), await tab(5000)] as const;
}

describe('undo overtaken by another tab', () => {
  it('tab 2 makes a claim, tab 1 links to it, tab 2 presses Ctrl+Z: told what and why', async () => {
    const [one, two] = await twoTabs('overtaken');
    const a = (await one.store.createAnnotation({ target: target('doc-a', 0) })).value;
    const mine = (await one.store.createClaim({ statement: 'Tab one', evidence: { annotation: a.id, stance: 'asserts' } })).value;
    await until(() => two.store.getClaim(mine.id) !== undefined, 'the other tab');
    const theirs = (await two.store.createClaim({ statement: 'Tab two', evidence: { annotation: a.id, stance: 'mentions' } })).value;
    await until(() => one.store.getClaim(theirs.id) !== undefined, 'the other tab');
    await one.store.createLink({ relation: 'contradicts', from: mine.id, to: theirs.id, rationale: '' });
    await until(() => two.store.links.size === 1, 'the other tab');
    const outcome = await two.store.undo();
    expect(outcome.done).toBe(false);
    expect(outcome).toEqual({ done: false, reason: 'Can\'t undo “Create claim”: a link made since depends on it.' });
    expect(two.store.getClaim(theirs.id)).toBeDefined();
    expect(stateIssues(stateOf(two.store))).toEqual([]);
  });

  it('an edit overtaken by the other tab names the record kind', async () => {
    const [one, two] = await twoTabs('overtaken-2');
    const a = (await one.store.createAnnotation({ target: target('doc-a', 0) })).value;
    await until(() => two.store.getAnnotation(a.id) !== undefined, 'the other tab');
    await two.store.updateAnnotation(a.id, { note: 'from two' });
    await until(() => one.store.getAnnotation(a.id)?.body.length === 1, 'the other tab');
    await one.store.updateAnnotation(a.id, { note: 'from one' });
    await until(() => JSON.stringify(two.store.getAnnotation(a.id)).includes('from one'), 'the other tab');
    expect(await two.store.undo()).toEqual({ done: false, reason: 'Can\'t undo “Edit passage”: another tab has changed the same passage since.' });
    expect(JSON.stringify(two.store.getAnnotation(a.id))).toContain('from one');
    // The next undo moves on (here: nothing of tab two's is left).
    expect(await two.store.undo()).toEqual({ done: false, reason: 'Nothing to undo.' });
  });
});

describe('deletion messages', () => {
  it('names what went with the deleted record', async () => {
    const { store, a1, c1 } = await world();
    const result = await store.deleteAnnotations([a1.id], { orphanedClaims: 'delete' });
    expect(result.alsoRemoved.claims.map((c) => c.id)).toEqual([c1.id]);
    expect(deletionMessage('Passage', result)).toBe('Passage deleted with 1 claim and 1 link');
    expect(deletionMessage('Claim', { alsoRemoved: { claims: [], links: [] } })).toBe('Claim deleted');
    expect(deletionMessage('Claim', { alsoRemoved: { claims: [], links: [result.alsoRemoved.links[0]!, result.alsoRemoved.links[0]!] } })).toBe('Claim deleted with 2 links');
    expect((await result.undo()).done).toBe(true);
    expect(snapshot(store).claims.map((c) => c.id)).toContain(c1.id);
  });
});

