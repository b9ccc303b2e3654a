// Records read back from storage are checked; damaged ones are set aside, not loaded (issue 8, section 3).
import { describe, expect, it } from 'vitest';
import * as quarantineModule from '../../src/store/quarantine.ts';
import { citedBySetAside, sortRecords } from '../../src/store/quarantine.ts';
import { quarantineFile, QUARANTINE_FORMAT } from '../../src/exchange/quarantine-file.ts';
import {
  COLLECTION_NAMES,
  MemoryPersistence,
  StoreError,
  emptyState,
  type CollectionName,
  type RawState,
  type StoreIdentity,
  type StoreState,
} from '../../src/store/index.ts';
import { checkedState } from '../shared/state-of.ts';
import { until } from '../shared/until.ts';
import { DAMAGES, allDamage, type Damage, type DamageName, type World } from '../shared/damage.ts';
import { makeStore, world } from './claims-fixtures.ts';

/** A valid world on a MemoryPersistence: its records, what the persistence holds, and its identity (its records are in its own layer). */
async function validWorld(): Promise<{ w: World; raw: StoreState; identity: StoreIdentity }> {
  const made = await world();
  const ev = (await made.store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
  const w: World = { annotations: [made.a1, made.b1, made.a2], claims: [made.c1, made.c2], links: [made.link], events: [ev] };
  const identity = { replica: made.store.replica!, layer: made.store.localLayer! };
  return { w, raw: structuredClone(checkedState(await made.persistence.loadAll())), identity };
}

/** `raw` with the damaged records stored over it, keyed by their ids as IndexedDB would. */
function damage(raw: StoreState, d: Damage): StoreState {
  const out = structuredClone(raw);
  for (const { collection, value } of d.puts) (out[collection] as Map<unknown, unknown>).set((value as { id: unknown }).id, value);
  return out;
}

const key = (c: CollectionName, id: unknown) => `${c} ${JSON.stringify(id)}`;
const all = (raw: RawState) => COLLECTION_NAMES.flatMap((c) => [...raw[c].entries()].map(([id, value]) => [key(c, id), value] as const));

/** Checks one damaged database: every record in exactly one place, the damaged ones with their reasons, citing ones kept. */
function expectSorted(raw: StoreState, d: Damage) {
  const { state, quarantined } = sortRecords(raw);
  const loaded = COLLECTION_NAMES.flatMap((c) => [...state[c].keys()].map((id) => key(c, id)));
  const setAside = quarantined.map((q) => key(q.collection, (q.value as { id?: unknown }).id));
  // Nothing lost, nothing twice: every stored value is loaded or set aside, as it was.
  expect([...loaded, ...setAside].sort()).toEqual(all(raw).map(([k]) => k).sort());
  expect(setAside.sort()).toEqual(d.puts.map((p) => key(p.collection, (p.value as { id: unknown }).id)).sort());
  for (const [i, put] of d.puts.entries()) {
    const q = quarantined.find((r) => r.value === put.value || key(r.collection, (r.value as { id?: unknown }).id) === key(put.collection, (put.value as { id: unknown }).id))!;
    expect(q.reason).toMatch(d.reasons[i]!);
    expect(q.value).toEqual(put.value);
  }
  for (const q of quarantined) {
    // In the reader's words: a sentence, no schema paths or validator jargon.
    expect(q.reason).toMatch(/^[A-Z].*\.$/);
    expect(q.reason).not.toMatch(/Invalid (type|key)|Expected|received|\w\.\w+:/);
    expect(q.reason, 'no field paths').not.toMatch(/\w\.\d+\.\w|\w\.\w+\.\w/);
    expect(q.problems.length).toBeGreaterThan(0);
  }
  for (const ref of d.citing ?? []) {
    const [c, id] = ref.split(' ') as [CollectionName, string];
    expect(state[c].has(id), ref).toBe(true);
  }
  return { state, quarantined };
}

describe('sorting records read from storage', () => {
  it('exports its public API', () => {
    expect(Object.keys(quarantineModule).sort()).toEqual([
      'Quarantine', 'checkRecord', 'checkStored', 'citedBySetAside', 'emptyRaw', 'idOf', 'quarantine', 'setAsideIds', 'sortRecords',
    ]);
  });

  it('loads a valid database whole, setting nothing aside', async () => {
    const { raw } = await validWorld();
    const { state, quarantined } = sortRecords(raw);
    expect(quarantined).toEqual([]);
    expect(state).toEqual(raw);
  });

  it.each(Object.keys(DAMAGES) as DamageName[])('sets aside %s, with the reason, and loads the rest', async (name) => {
    const { w, raw } = await validWorld();
    expectSorted(damage(raw, DAMAGES[name](w)), DAMAGES[name](w));
  });

  it('sets aside every kind at once', async () => {
    const { w, raw } = await validWorld();
    const d = allDamage(w);
    const { state } = expectSorted(damage(raw, d), d);
    // The claim whose passage is damaged stays; so does the link to it and the untouched records.
    expect(state.claims.has(w.claims[1]!.id)).toBe(true);
    expect(state.links.has(w.links[0]!.id)).toBe(true);
    expect(state.events.has(w.events[0]!.id)).toBe(true);
  });

  it('sets aside values no record can be, and a record stored under another id', async () => {
    const { w, raw } = await validWorld();
    const odd = emptyState() as unknown as { [C in CollectionName]: Map<unknown, unknown> };
    odd.claims.set('s', 'just text').set('n', null).set(3, 3).set('l', [w.claims[0]]);
    odd.annotations.set('urn:uuid:00000000-0000-4000-8000-0000000000ff', w.annotations[0]);
    odd.settings.set('creatorName', { id: 'creatorName', value: 5 });
    const { state, quarantined } = sortRecords({ ...raw, claims: new Map([...raw.claims, ...odd.claims]), annotations: new Map([...raw.annotations, ...odd.annotations]), settings: odd.settings });
    expect(quarantined.map((q) => q.reason)).toEqual([
      'Its id does not match the key it is stored under.',
      'The value is not valid.',
      'It is not a claim at all, just text.',
      'It is not a claim at all, just nothing (null).',
      'It is not a claim at all, just a number.',
      'It is not a claim at all, just a list.',
    ]);
    expect(quarantined.map((q) => q.id)).toEqual([w.annotations[0]!.id, 'creatorName', undefined, undefined, undefined, undefined]);
    expect(state.claims.size).toBe(raw.claims.size);
  });

  it('keeps what a set-aside record cites, when it can still be read', async () => {
    const { w, raw } = await validWorld();
    const d = DAMAGES['link to a missing claim'](w);
    const { quarantined } = sortRecords(damage(raw, d));
    expect([...citedBySetAside(quarantined)].sort()).toEqual([`claims ${w.claims[0]!.id}`, 'claims urn:uuid:dddddddd-0000-4000-8000-000000000063']);
  });

  it('exports the set-aside records as JSON, raw, with reasons', async () => {
    const { w, raw } = await validWorld();
    const { quarantined } = sortRecords(damage(raw, allDamage(w)));
    const file = quarantineFile(quarantined, new Date('2026-11-30T12:00:00Z'));
    expect(file.name).toBe('crossread-damaged-records-2026-11-30.json');
    const parsed = JSON.parse(file.text) as { format: string; records: { collection: string; id: string | null; reason: string; record: unknown }[] };
    expect(parsed.format).toBe(QUARANTINE_FORMAT);
    expect(parsed.records).toEqual(quarantined.map((q) => ({ collection: q.collection, id: q.id ?? null, reason: q.reason, problems: q.problems, record: q.value })));
  });
});

describe('a store on a damaged database', () => {
  async function open(d: (w: World) => Damage = allDamage) {
    const { w, raw, identity } = await validWorld();
    const disk = damage(raw, d(w));
    const before = structuredClone(disk);
    const made = await makeStore({ persistence: new MemoryPersistence({ state: disk, identity }), idBase: 500 });
    return { ...made, w, disk, before };
  }

  const ids = (m: ReadonlyMap<string, unknown>) => [...m.keys()].sort();

  it('loads every valid record, lists the damaged ones, reports no error and writes nothing', async () => {
    const { store, events, disk, before, w } = await open();
    const expected = sortRecords(before);
    expect(ids(store.claims)).toEqual(ids(expected.state.claims));
    expect(ids(store.annotations)).toEqual(ids(expected.state.annotations));
    expect(store.quarantined.map((q) => q.reason)).toEqual(expected.quarantined.map((q) => q.reason));
    expect(Object.isFrozen(store.quarantined[0]!.value)).toBe(true);
    expect(store.isQuarantined('annotations', w.annotations[1]!.id)).toBe(true);
    expect(store.setAsideEvidence(w.claims[1]!.id)).toBe(1);
    expect(store.evidenceOf(w.claims[1]!.id)).toEqual([]);
    expect(events).toEqual([]);
    expect(store.mode).toBe('memory');
    expect(disk).toEqual(before);
  });

  it('saves edits of a valid claim citing a set-aside passage, and deletes around set-aside records', async () => {
    const { store, w, disk } = await open();
    const c2 = w.claims[1]!.id;
    const edited = await store.updateClaim(c2, { statement: 'Edited while its passage is set aside', tags: ['kept'] });
    expect(edited.value.evidence).toEqual(w.claims[1]!.evidence);
    await store.addEvidence(c2, { annotation: w.annotations[0]!.id, stance: 'mentions' });
    expect(store.setAsideEvidence(c2)).toBe(1);
    // Deleting a passage makes the persistence read every claim, the damaged ones too.
    await store.deleteAnnotations([w.annotations[2]!.id]);
    expect((await store.undo()).done).toBe(true);
    expect((await store.undo()).done).toBe(true);
    expect(disk.claims.get(c2)).toMatchObject({ statement: 'Edited while its passage is set aside' });
  });

  it('never writes over a set-aside record, nor deletes what one still cites', async () => {
    const { store, w, disk } = await open((x) => ({
      ...DAMAGES['link to a missing claim'](x),
      puts: [...DAMAGES['link to a missing claim'](x).puts, { collection: 'settings', value: { id: 'creatorName', value: 5 } }],
    }));
    const before = structuredClone(disk);
    const refused = await store.setCreatorName('Ada').then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).message).toMatch(/damaged record that Crossread set aside \(listed in Settings\)/);
    const cited = await store.deleteClaims([w.claims[0]!.id]).then(() => undefined, (e: unknown) => e);
    expect((cited as StoreError).message).toMatch(/cites what it would delete/);
    expect(disk).toEqual(before);
    expect(store.claims.has(w.claims[0]!.id)).toBe(true);
  });

  it('opens a database it cannot read at all in no mode: nothing read or saved, said so, not memory mode', async () => {
    const persistence = new MemoryPersistence();
    let closed = false;
    persistence.loadAll = () => Promise.reject(new DOMException('Corrupted', 'UnknownError'));
    persistence.close = () => void (closed = true);
    const { store, events } = await makeStore({ persistence });
    expect(store.mode).toBe('none');
    expect(events.map((e) => e.kind)).toEqual(['unreadable']);
    expect(store.warning?.message).toMatch(/could not read the data saved in this browser/);
    expect(closed).toBe(true);
    await expect(store.createEvent({ name: 'Not saved', start: '2022' })).rejects.toMatchObject({ kind: 'unreadable' });
  });

  it('sets aside a record another tab made unreadable, and takes it back once repaired', async () => {
    const { w, raw, identity } = await validWorld();
    const shared = structuredClone(raw);
    const name = `quarantine-remote-${Math.random()}`;
    const tab = (idBase: number) => makeStore({ name, idBase, persistence: new MemoryPersistence({ state: shared, shared: true, identity }) });
    const a = await tab(600);
    const b = await tab(700);
    const c1 = w.claims[0]!.id;
    const origins: string[] = [];
    a.store.subscribe((_diff, origin) => origins.push(origin));
    await b.store.updateClaim(c1, { statement: 'Changed in tab b' });
    // Before tab a re-reads it, the record becomes what another version of Crossread might leave.
    const good = shared.claims.get(c1)!;
    (shared.claims as Map<string, unknown>).set(c1, { ...good, evidence: 'broken' });
    await until(() => a.store.isQuarantined('claims', c1), 'tab a sets the claim aside');
    expect(a.store.getClaim(c1)).toBeUndefined();
    expect(a.store.quarantined.find((q) => q.id === c1)?.reason).toBe('The evidence is not a list.');
    expect(origins).toEqual(['remote']);
    // Repaired and written again by tab b, it comes back in tab a.
    shared.claims.set(c1, good);
    await b.store.updateClaim(c1, { statement: 'Repaired in tab b' });
    await until(() => a.store.getClaim(c1)?.statement === 'Repaired in tab b', 'tab a takes the claim back');
    expect(a.store.isQuarantined('claims', c1)).toBe(false);
    expect(a.store.quarantined).toEqual([]);
  });
});
