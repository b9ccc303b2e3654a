import { describe, expect, it } from 'vitest';
import { conflictState, conflictWords, type Names } from '../../src/exchange/conflicts.ts';
import type { CrossreadStore, IncomingBatch, SharedCollection, SharedRecord } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { fixedId, target } from './store-fixtures.ts';
import { MemoryPersistence } from '../../src/store/index.ts';

const everything = (store: CrossreadStore): IncomingBatch => ({
  put: (['annotations', 'events', 'claims', 'links'] as SharedCollection[]).flatMap((collection) => [...store[collection].values()].map((record) => ({ collection, record }))),
});
const names = (store: CrossreadStore): Names => ({
  claim: (id) => store.claims.get(id)?.statement,
  event: (id) => store.events.get(id)?.name,
  passage: (id) => store.annotations.get(id)?.target.selector[0].exact,
});

/**
 * A claim and a link made there, imported here, then edited on both sides: two conflicts. Here is
 * the same reader's second device (same layer), since others' layers are read-only (ADR 0013).
 */
async function twoConflicts() {
  const { store: there } = await makeStore({ idBase: 1000 });
  const { store: here } = await makeStore({ persistence: new MemoryPersistence({ identity: { replica: fixedId(9999), layer: there.localLayer! } }) });
  const a = (await there.createAnnotation({ target: target('doc-a', 0, 'the police stood down') })).value;
  const c1 = (await there.createClaim({ statement: 'Forces stood down', evidence: { annotation: a.id, stance: 'asserts' }, tags: ['security'] })).value;
  const c2 = (await there.createClaim({ statement: 'Forces collapsed', evidence: { annotation: a.id, stance: 'argues-against' } })).value;
  const link = (await there.createLink({ relation: 'contradicts', from: c1.id, to: c2.id, rationale: 'Disloyal or broken?' })).value;
  await here.receive(everything(there), 'import');
  await there.updateClaim(c1.id, { statement: 'Forces were ordered to stand down', tags: ['security', 'orders'] });
  await there.updateLink(link.id, { rationale: 'Their rationale' });
  await here.updateClaim(c1.id, { statement: 'Forces chose to stand down' });
  await here.updateLink(link.id, { rationale: 'My <b>rationale</b>' });
  const result = await here.receive(everything(there), 'import');
  return { here, there, c1, link, result };
}

describe('conflicts of an import, in words and where they stand', () => {
  it('pins the exports', async () => {
    expect(Object.keys(await import('../../src/exchange/conflicts.ts')).sort()).toEqual(['conflictState', 'conflictWords']);
  });

  it('names each record and lists only the fields that differ, mine beside theirs, as text', async () => {
    const { here, result } = await twoConflicts();
    expect(result.summary.conflicts).toBe(2);
    const [claim, link] = result.conflicts.map((c) => conflictWords(c, names(here)));
    expect(claim).toEqual({
      what: 'claim', title: 'Forces chose to stand down', why: 'Changed here and in the file since they last agreed.', choosable: true,
      fields: [
        { label: 'Statement', mine: 'Forces chose to stand down', theirs: 'Forces were ordered to stand down' },
        { label: 'Tags', mine: 'security', theirs: 'security, orders' },
      ],
    });
    expect(link!.what).toBe('link');
    expect(link!.title).toBe('\u201cForces chose to stand down\u201d contradicts \u201cForces collapsed\u201d');
    expect(link!.fields).toEqual([{ label: 'Rationale', mine: 'My <b>rationale</b>', theirs: 'Their rationale' }]);
  });

  it('follows the store: kept mine, taken theirs, and open again when either is undone', async () => {
    const { here, result } = await twoConflicts();
    const [c] = result.conflicts;
    const kept: { record?: SharedRecord } = {};
    const at = () => conflictState(c!, here.claims.get(c!.id), kept.record);
    expect(at().state).toBe('open');
    const mine = await here.resolveConflict(c!, 'mine');
    kept.record = mine.value;
    expect(at().state).toBe('mine');
    expect(here.claims.get(c!.id)!.statement).toBe('Forces chose to stand down');
    await mine.undo();
    expect(at().state).toBe('open');
    // Against the record as it is now, so a choice still works after the undo moved its version on.
    expect(at().conflict.local).toBe(here.claims.get(c!.id));
    const theirs = await here.resolveConflict(at().conflict, 'theirs');
    expect(at().state).toBe('theirs');
    expect(here.claims.get(c!.id)!.statement).toBe('Forces were ordered to stand down');
    await theirs.undo();
    expect(at().state).toBe('open');
    expect(here.claims.get(c!.id)!.statement).toBe('Forces chose to stand down');
    await here.resolveConflict(at().conflict, 'theirs');
    expect(at().state).toBe('theirs');
  });

  it('settles several the same way in one undoable step', async () => {
    const { here, result, c1, link } = await twoConflicts();
    const done = await here.resolveConflicts(result.conflicts, 'theirs');
    expect(done.label).toBe('Resolve 2 conflicts');
    expect(here.claims.get(c1.id)!.statement).toBe('Forces were ordered to stand down');
    expect(here.links.get(link.id)!.rationale).toBe('Their rationale');
    expect(result.conflicts.map((c) => conflictState(c, here[c.collection].get(c.id), undefined).state)).toEqual(['theirs', 'theirs']);
    await done.undo();
    expect(here.claims.get(c1.id)!.statement).toBe('Forces chose to stand down');
    expect(here.links.get(link.id)!.rationale).toBe('My <b>rationale</b>');
  });

  it('says a deletion and an id of another layer plainly; the latter cannot be chosen', async () => {
    const { here, result } = await twoConflicts();
    const c = result.conflicts[0]!;
    const deletion = conflictWords({ ...c, reason: 'changed-since-deleted', incoming: undefined, deleted: { x: 1 } }, names(here));
    expect(deletion.fields).toEqual([]);
    expect(deletion.why).toMatch(/Deleted in the file/);
    const layer = conflictWords({ ...c, reason: 'layer' }, names(here));
    expect(layer.choosable).toBe(false);
    expect(conflictState({ ...c, reason: 'layer' }, c.incoming, undefined).state).toBe('open');
  });
});
