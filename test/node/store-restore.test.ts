// store.restore: a record deleted (in another tab) while it was being edited comes back with the edit.
import { describe, expect, it } from 'vitest';
import { StoreError, compareVersions, eventsOf, noteOf } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

async function world() {
  const made = await makeStore();
  const { store } = made;
  const event = (await store.createEvent({ name: 'Almaty', start: '2022-01-05' })).value;
  const a = (await store.createAnnotation({ target: target('doc-a', 1), note: 'first', events: [event.id] })).value;
  const b = (await store.createAnnotation({ target: target('doc-a', 2) })).value;
  const claim = (await store.createClaim({ statement: 'It was planned', evidence: { annotation: a.id, stance: 'asserts' }, events: [event.id] })).value;
  await store.addEvidence(claim.id, { annotation: b.id, stance: 'mentions' });
  const other = (await store.createClaim({ statement: 'It was not', evidence: { annotation: b.id, stance: 'asserts' } })).value;
  const link = (await store.createLink({ relation: 'contradicts', from: claim.id, to: other.id, rationale: 'why' })).value;
  return { ...made, event, a, b, claim: store.getClaim(claim.id)!, other, link };
}

describe('store.restore', () => {
  it('adds an annotation back with its target and the edit, one version past the deleted one; undo takes it away', async () => {
    const { store, a } = await world();
    await store.deleteAnnotations([a.id]);
    const done = await store.restore('annotations', a, { note: 'typed' });
    const back = store.getAnnotation(a.id)!;
    expect(noteOf(back)).toBe('typed');
    expect(back.target).toEqual(a.target);
    expect(done.value.lost).toEqual([]);
    expect(compareVersions(back.version, a.version)).toBe('newer');
    expect((await done.undo()).done).toBe(true);
    expect(store.getAnnotation(a.id)).toBeUndefined();
  });

  it('a claim comes back without the passages and events that are gone too, and says which', async () => {
    const { store, a, b, claim, event } = await world();
    await store.deleteClaims([claim.id]);
    await store.deleteAnnotations([a.id]);
    await store.deleteEvent(event.id);
    const done = await store.restore('claims', claim, { statement: 'It was planned, says the typed text' });
    const back = store.getClaim(claim.id)!;
    expect(back.statement).toBe('It was planned, says the typed text');
    expect(back.evidence.map((e) => e.annotation)).toEqual([b.id]);
    expect(back.events).toEqual([]);
    expect(done.value.lost).toEqual(['1 passage of its evidence', '1 event it was about']);
  });

  it('an annotation drops an event that is gone too', async () => {
    const { store, a, event } = await world();
    await store.deleteAnnotations([a.id], { orphanedClaims: 'keep' });
    await store.deleteEvent(event.id);
    const done = await store.restore('annotations', a, {});
    expect(eventsOf(store.getAnnotation(a.id)!)).toEqual([]);
    expect(done.value.lost).toEqual(['1 event it was about']);
  });

  it('a link whose claim is gone too is refused with a message; an event comes back', async () => {
    const { store, link, other, event } = await world();
    await store.deleteClaims([other.id]); // takes the link with it
    const refused = await store.restore('links', link, { rationale: 'typed' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).message).toMatch(/claim this link connects was deleted too/);
    expect(store.getLink(link.id)).toBeUndefined();
    await store.deleteEvent(event.id);
    await store.restore('events', event, { name: 'Almaty, 5 January' });
    expect(store.getEvent(event.id)?.name).toBe('Almaty, 5 January');
  });

  it('refuses a record that is there (not deleted, or made again)', async () => {
    const { store, claim } = await world();
    await expect(store.restore('claims', claim, { statement: 'x' })).rejects.toThrow(/there again/);
  });
});
