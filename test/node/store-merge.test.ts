// Two stores on one MemoryPersistence that do not hear each other: every action of one is computed from a
// record the other has changed since. The commit merges (commit-plan.ts, merge.ts); IndexedDB: test/browser/store/merge.test.ts.
import { describe, expect, it } from 'vitest';
import { MemoryPersistence, StoreError, emptyState, noteOf, stateIssues, tagsOf } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

/** Tab a makes a passage, a claim citing it and an event; tab b opens afterwards, then neither hears the other. */
async function deafTabs() {
  const shared = emptyState();
  const on = () => new MemoryPersistence({ state: shared });
  const a = await makeStore({ persistence: on() });
  const x = (await a.store.createAnnotation({ target: target('doc-a', 0), note: 'First', tags: ['kz'] })).value;
  const y = (await a.store.createAnnotation({ target: target('doc-a', 100) })).value;
  const claim = (await a.store.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: x.id, stance: 'asserts' }, tags: ['kz'] })).value;
  const b = await makeStore({ persistence: on(), idBase: 5000 });
  return { shared, a: a.store, b: b.store, bEvents: b.events, x, y, claim };
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('two tabs editing the same record', () => {
  it('keep both tabs’ tags and evidence; the later writer holds the merged record', async () => {
    const { shared, a, b, y, claim } = await deafTabs();
    await a.updateClaim(claim.id, { tags: [...claim.tags, 'from-a'] });
    await a.addEvidence(claim.id, { annotation: y.id, stance: 'mentions' });
    // b still holds the claim as created.
    const merged = (await b.updateClaim(claim.id, { tags: [...b.getClaim(claim.id)!.tags, 'from-b'], note: 'b’s note' })).value;
    expect(merged.tags).toEqual(['kz', 'from-a', 'from-b']);
    expect(merged.evidence.map((e) => e.annotation)).toEqual([claim.evidence[0]!.annotation, y.id]);
    expect(merged.note).toBe('b’s note');
    // What b holds and told its subscribers is what was written.
    expect(b.getClaim(claim.id)).toEqual(merged);
    expect(shared.claims.get(claim.id)).toEqual(merged);
    expect(stateIssues(shared)).toEqual([]);
  });

  it('keep a note edited in one tab and a tag added in the other', async () => {
    const { shared, a, b, x } = await deafTabs();
    await a.updateAnnotation(x.id, { note: 'Edited in a' });
    await b.updateAnnotation(x.id, { tags: [...tagsOf(b.getAnnotation(x.id)!), 'from-b'] });
    const saved = shared.annotations.get(x.id)!;
    expect([noteOf(saved), tagsOf(saved), saved.motivation]).toEqual(['Edited in a', ['kz', 'from-b'], 'commenting']);
  });

  it('refuse the second of two different changes of one text, with detail, and keep the first', async () => {
    const { shared, a, b, bEvents, claim } = await deafTabs();
    await a.updateClaim(claim.id, { statement: 'Aimed at Nazarbayev' });
    const error = await refusal(b.updateClaim(claim.id, { statement: 'Aimed at the protesters' }));
    expect([error.kind, error.detail]).toEqual(['conflict', { collection: 'claims', id: claim.id, field: 'statement', mine: 'Aimed at the protesters', theirs: 'Aimed at Nazarbayev' }]);
    expect(error.message).toBe(
      'This claim’s statement was changed in another tab (to “Aimed at Nazarbayev”), so your change (to “Aimed at the protesters”) was not saved. Look at it again and redo your change if you still want it.',
    );
    expect(bEvents.map((e) => e.kind)).toEqual(['conflict']);
    expect(shared.claims.get(claim.id)!.statement).toBe('Aimed at Nazarbayev');
    // Nothing changed in b: memory and undo history as before.
    expect(b.getClaim(claim.id)!.statement).toBe('Aimed at Tokayev');
    expect(b.canUndo).toBe(false);
  });

  it('refuse an edit of a record the other tab deleted', async () => {
    const { shared, a, b, claim } = await deafTabs();
    await a.deleteClaims([claim.id]);
    const error = await refusal(b.updateClaim(claim.id, { tags: ['late'] }));
    expect([error.kind, error.detail, error.message]).toEqual(['conflict', { collection: 'claims', id: claim.id }, 'This claim was deleted in another tab, so your change to it was not saved.']);
    expect(shared.claims.has(claim.id)).toBe(false);
  });

  it('undo a merged edit: only this tab’s change is taken back', async () => {
    const { shared, a, b, claim } = await deafTabs();
    await a.updateClaim(claim.id, { tags: [...claim.tags, 'from-a'] });
    const done = await b.updateClaim(claim.id, { tags: [...claim.tags, 'from-b'], statement: 'Aimed at the elite' });
    expect(shared.claims.get(claim.id)!.tags).toEqual(['kz', 'from-a', 'from-b']);
    expect(await done.undo()).toEqual({ done: true, label: 'Edit claim' });
    const undone = shared.claims.get(claim.id)!;
    expect([undone.tags, undone.statement]).toEqual([['kz', 'from-a'], 'Aimed at Tokayev']);
    expect(b.getClaim(claim.id)).toEqual(undone);
    expect((await b.redo()).done).toBe(true);
    expect(shared.claims.get(claim.id)!.tags).toEqual(['kz', 'from-a', 'from-b']);
  });

  it('in one tab, keep every tag of edits issued together without awaiting each other', async () => {
    const { shared, a, claim } = await deafTabs();
    const tags = Array.from({ length: 20 }, (_, i) => `t${i}`);
    // Each call reads the claim as the caller sees it now, before the earlier ones ran.
    await Promise.all(tags.map((t) => a.updateClaim(claim.id, { tags: [...a.getClaim(claim.id)!.tags, t] })));
    expect(shared.claims.get(claim.id)!.tags).toEqual(['kz', ...tags]);
  });
});
