// Two tabs editing the same records on IndexedDB: two stores on one database in one page, each with its own
// connection and BroadcastChannel, exactly what two tabs are. Edits are issued in batches from both at once,
// so most are computed from a record the other tab has changed since; the commit merges (commit-plan.ts).
import { expect } from '@open-wc/testing';
import { stateOf } from '../../shared/state-of.ts';
import { until } from '../../shared/until.ts';
import { CrossreadStore, StoreError, noteOf, tagsOf, type Annotation, type Claim, type EventRecord, type StoreState } from '../../../src/store/index.ts';
import { sameRecord } from '../../../src/store/diff.ts';
import { target } from '../../node/store-fixtures.ts';
import { openIdbPersistence } from '../../../src/store/persistence.ts';
import { deleteTestDBs, readDisk, uniqueDbName, type Disk } from './helpers.ts';
import { rng } from '../../shared/rng.ts';

const toClose: CrossreadStore[] = [];
afterEach(async () => {
  for (const s of toClose.splice(0)) s.close();
  await deleteTestDBs();
});

/** Two stores on one new database, hearing each other on a channel of their own. */
async function twoTabs(label: string) {
  const name = uniqueDbName(label);
  const channelName = `merge-${crypto.randomUUID()}`;
  const open = async () => {
    const store = new CrossreadStore({ name, channelName });
    toClose.push(store);
    await store.open();
    expect(store.mode).to.equal('indexeddb');
    return store;
  };
  return { name, channelName, a: await open(), b: await open() };
}

type Shared = 'annotations' | 'claims' | 'links' | 'events';
const SHARED: Shared[] = ['annotations', 'claims', 'links', 'events'];

/** Where a store's memory and the database differ, record by record, versions included; empty when equal. */
function differences(state: StoreState, disk: Disk): string[] {
  const out: string[] = [];
  for (const c of SHARED) {
    const held = state[c] as ReadonlyMap<string, unknown>;
    if (held.size !== disk[c].length) out.push(`${c}: ${held.size} in memory, ${disk[c].length} on disk`);
    for (const r of disk[c]) if (!sameRecord(held.get(r.id), r)) out.push(`${c} ${r.id} differs`);
  }
  return out;
}

/** What must hold in the database at the end, for one acknowledged edit. */
type Fact = (disk: Disk) => boolean;

describe('two tabs editing the same records on IndexedDB', () => {
  it('lose no acknowledged edit in 1,000 interleaved edits, and end equal to the database', async function () {
    this.timeout(180_000);
    const { name, a, b } = await twoTabs('merge-race');
    // Shared world, made in tab a: 12 passages, 8 claims, 4 events.
    const passages: Annotation[] = [];
    for (let i = 0; i < 12; i++) passages.push((await a.createAnnotation({ target: target('doc-a', i * 100), tags: ['kz'] })).value);
    const claims: Claim[] = [];
    for (let i = 0; i < 8; i++) claims.push((await a.createClaim({ statement: `Claim ${i}`, evidence: { annotation: passages[i]!.id, stance: 'asserts' } })).value);
    const sharedEvents: EventRecord[] = [];
    for (let i = 0; i < 4; i++) sharedEvents.push((await a.createEvent({ name: `Event ${i}`, start: '2022-01' })).value);
    await until(() => b.claims.size === 8 && b.events.size === 4 && b.annotations.size === 12, 'tab b to see the shared world');

    const next = rng(2022);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const facts: { what: string; holds: Fact }[] = [];
    const refused: string[] = [];
    let acknowledged = 0;
    let edits = 0;
    let offset = 100_000;
    const tabs = { a: { store: a, tags: [] as { claim: string; tag: string }[], events: [] as string[], pairs: [] as [string, string][], n: 0 }, b: { store: b, tags: [] as { claim: string; tag: string }[], events: [] as string[], pairs: [] as [string, string][], n: 0 } };
    for (const tab of Object.values(tabs)) {
      for (const from of claims) for (const to of claims) if (from !== to) tab.pairs.push([from.id, to.id]);
      tab.pairs.sort(() => next() - 0.5);
    }
    // Last acknowledged value per key, for edits that overwrite (notes, own renames, tag removals).
    const last = new Map<string, { order: number; holds: Fact; what: string }>();
    // Names acknowledged for each shared event both tabs rename; the rest are refused as conflicts.
    const renames = new Map<string, Set<string>>();
    let conflicts = 0;

    /** One edit by `who`, as a reader of that tab would make it: computed from what the tab shows now. */
    function edit(who: 'a' | 'b'): Promise<unknown> {
      const tab = tabs[who];
      const store = tab.store;
      const n = ++tab.n;
      const order = ++edits;
      const r = next();
      const acked = (what: string, holds: Fact, key?: string) => (): void => {
        acknowledged++;
        if (!key) return void facts.push({ what, holds });
        if ((last.get(key)?.order ?? 0) < order) last.set(key, { order, holds, what });
      };
      if (r < 0.25) {
        // A tag on a shared claim, or taking back one of this tab's earlier tags.
        const own = tab.tags.length > 3 && next() < 0.3 ? tab.tags.splice(Math.floor(next() * tab.tags.length), 1)[0]! : undefined;
        const claim = own?.claim ?? pick(claims).id;
        const tag = own?.tag ?? `${who}-${n}`;
        const tags = store.getClaim(claim)!.tags;
        const done = store.updateClaim(claim, { tags: own ? tags.filter((t) => t !== tag) : [...tags, tag] });
        return done.then(() => {
          if (!own) tab.tags.push({ claim, tag });
          acked(`${own ? 'untag' : 'tag'} ${claim} ${tag}`, (d) => d.claims.find((c) => c.id === claim)!.tags.includes(tag) !== Boolean(own), `claim-tag ${claim} ${tag}`)();
        });
      }
      if (r < 0.45) {
        // A new passage added as evidence to a shared claim.
        const claim = pick(claims).id;
        const done = store.addPassageAsEvidence(claim, { target: target('doc-b', (offset += 100)) }, pick(['asserts', 'mentions', 'argues-against'] as const));
        return done.then(({ value }) => acked(`evidence ${claim} ${value.annotation.id}`, (d) => d.claims.find((c) => c.id === claim)!.evidence.some((e) => e.annotation === value.annotation.id))());
      }
      if (r < 0.6) {
        // A tag on a shared passage.
        const passage = pick(passages).id;
        const tag = `${who}-${n}`;
        const done = store.updateAnnotation(passage, { tags: [...tagsOf(store.getAnnotation(passage)!), tag] });
        return done.then(acked(`tag passage ${passage} ${tag}`, (d) => tagsOf(d.annotations.find((x) => x.id === passage)!).includes(tag)));
      }
      if (r < 0.72) {
        // A note on a passage: tab a writes the even ones, tab b the odd ones, while both tag all of them.
        const passage = pick(passages.filter((_, i) => i % 2 === (who === 'a' ? 0 : 1))).id;
        const note = `Note ${n} from ${who}`;
        const done = store.updateAnnotation(passage, { note });
        return done.then(acked(`note ${passage}`, (d) => noteOf(d.annotations.find((x) => x.id === passage)!) === note, `note ${passage}`));
      }
      if (r < 0.8 && tab.pairs.length > 0) {
        // A link between two shared claims; each tab its own relation, so the two never duplicate each other.
        const [from, to] = tab.pairs.pop()!;
        const done = store.createLink({ relation: who === 'a' ? 'supports' : 'qualifies', from, to });
        return done.then(({ value }) => acked(`link ${value.id}`, (d) => d.links.some((l) => l.id === value.id))());
      }
      if (r < 0.87 || tab.events.length === 0) {
        const done = store.createEvent({ name: `Event by ${who} ${n}`, start: '2022-01-05' });
        return done.then(({ value }) => {
          tab.events.push(value.id);
          acked(`event ${value.id}`, (d) => d.events.some((e) => e.id === value.id))();
        });
      }
      if (r < 0.94) {
        // Renaming one of this tab's own events: the last rename acknowledged is the name.
        const id = pick(tab.events);
        const name = `Renamed ${n} by ${who}`;
        return store.updateEvent(id, { name }).then(acked(`rename ${id}`, (d) => d.events.find((e) => e.id === id)!.name === name, `name ${id}`));
      }
      // Renaming a shared event: both tabs do it, so some are refused as conflicts; the name is one acknowledged.
      const id = pick(sharedEvents).id;
      const name = `Shared ${n} by ${who}`;
      return store.updateEvent(id, { name }).then(() => {
        acknowledged++;
        const names = (renames.get(id) ?? renames.set(id, new Set()).get(id))!;
        names.add(name);
      }, (error: unknown) => {
        if (error instanceof StoreError && error.kind === 'conflict' && error.detail?.field === 'name') conflicts++;
        else throw error;
      });
    }

    for (let round = 0; round < 20; round++) {
      const batch: Promise<unknown>[] = [];
      // Interleaved, neither awaiting the other: each action is computed from what its tab holds when called.
      for (let i = 0; i < 25; i++) batch.push(edit('a'), edit('b'));
      const outcomes = await Promise.allSettled(batch);
      for (const o of outcomes) if (o.status === 'rejected') refused.push(String(o.reason));
    }
    expect(edits).to.equal(1000);
    expect(refused, 'refusals other than a shared rename’s conflict').to.deep.equal([]);

    const disk = await readDisk(name);
    await until(() => differences(stateOf(a), disk).length + differences(stateOf(b), disk).length === 0, 'both tabs to hold what the database holds', 30_000);
    const lost = [...facts, ...last.values()].filter((f) => !f.holds(disk)).map((f) => f.what);
    for (const [id, names] of renames) expect(names).to.include(disk.events.find((e) => e.id === id)!.name);
    expect(lost).to.deep.equal([]);
    expect(acknowledged + conflicts).to.equal(edits);
    expect(acknowledged).to.be.greaterThan(900);
  });

  it('refuse one of two concurrent changes of one text, naming the field, and keep the other', async () => {
    const { name, a, b } = await twoTabs('merge-text');
    const x = (await a.createAnnotation({ target: target('doc-a', 0) })).value;
    const claim = (await a.createClaim({ statement: 'Aimed at Tokayev', evidence: { annotation: x.id, stance: 'asserts' } })).value;
    await until(() => b.getClaim(claim.id), 'tab b to see the claim');
    const kinds: string[] = [];
    for (const s of [a, b]) s.addEventListener('store-error', (e) => kinds.push(e.kind));
    const statements = ['Aimed at Nazarbayev', 'Aimed at the protesters'];
    const [one, two] = await Promise.allSettled([a.updateClaim(claim.id, { statement: statements[0] }), b.updateClaim(claim.id, { statement: statements[1] })]);
    const outcomes = [one, two].map((o) => o.status);
    expect(outcomes.filter((s) => s === 'fulfilled'), outcomes.join(', ')).to.have.length(1);
    const lost = [one, two].find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    const won = statements[[one, two].findIndex((o) => o.status === 'fulfilled')]!;
    const error = lost.reason as StoreError;
    expect(error).to.be.instanceOf(StoreError);
    expect([error.kind, error.detail?.collection, error.detail?.id, error.detail?.field, error.detail?.theirs]).to.deep.equal(['conflict', 'claims', claim.id, 'statement', won]);
    expect(error.message).to.contain(`This claim’s statement was changed in another tab (to “${won}”)`);
    expect(kinds).to.deep.equal(['conflict']);
    expect((await readDisk(name)).claims[0]!.statement).to.equal(won);
    await until(() => a.getClaim(claim.id)!.statement === won && b.getClaim(claim.id)!.statement === won, 'both tabs to show the saved statement');
  });

  it('a tab that opens while another writes hears what was written after its load read the database', async () => {
    const { name, channelName, a } = await twoTabs('merge-opening');
    const x = (await a.createAnnotation({ target: target('doc-a', 0) })).value;
    let written: Claim | undefined;
    // Tab b's load has read the database; tab a commits before b's load is done (a reload mid-burst).
    const b = new CrossreadStore({
      name,
      channelName,
      openPersistence: async (n, hooks) => {
        const p = await openIdbPersistence(n, hooks);
        const loadAll = p.loadAll.bind(p);
        return Object.assign(p, { loadAll: async () => {
          const loaded = await loadAll();
          written = (await a.createClaim({ statement: 'Written while b loaded', evidence: { annotation: x.id, stance: 'asserts' } })).value;
          return loaded;
        } });
      },
    });
    toClose.push(b);
    await b.open();
    expect(b.getAnnotation(x.id)).to.not.equal(undefined);
    await until(() => b.getClaim(written!.id), 'tab b to hear of the claim tab a wrote while b was loading');
  });
});
