// A damaged database still opens (issue 8, section 3): real IndexedDB databases with raw bad records,
// one per kind of damage and one with all at once; the app shows every valid record, names what is
// set aside, lists it in Settings, and leaves it in the database as it was.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DB_VERSION, openCrossreadDB } from '../../../src/store/persistence.ts';
import { TabSync } from '../../../src/store/sync.ts';
import type { CrossreadStore, CollectionName, EventRecord } from '../../../src/store/index.ts';
import type { CrClaimsView } from '../../../src/components/claims/cr-claims-view.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrCompareView } from '../../../src/components/compare/cr-compare-view.ts';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import { axeViolations, catchDownloads, deep, makeStore, openApp, testDbName, until } from '../helpers.ts';
import { watchRejections } from '../../shared/until.ts';
import { $, $$, card, claimFrom, shownIds } from '../claims/harness.ts';
import { ANISIN, DJ, seed } from '../compare/harness.ts';
import { DAMAGES, allDamage, type Damage, type DamageName, type World } from '../../shared/damage.ts';

/**
 * Listens for uncaught errors and unhandled rejections while the app runs (a broken view shows up
 * there); `none()` asserts there were none, once every rejection so far has been reported.
 */
function watchUncaught(): { none(): Promise<void> } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.error ?? e.message));
  window.addEventListener('error', onError);
  const rejections = watchRejections();
  return {
    async none() {
      const reasons = await rejections.stop();
      window.removeEventListener('error', onError);
      expect([...errors, ...reasons.map(String)]).to.deep.equal([]);
    },
  };
}
afterEach(() => {
  document.querySelector('cr-app')?.remove();
  location.hash = '';
});

interface Built {
  name: string;
  w: World;
  damage: Damage;
  /** Ids of the records made valid and left valid, per collection. */
  valid: { [C in 'annotations' | 'claims' | 'links' | 'events']: string[] };
}

const idOf = (value: unknown) => (value as { id: IDBValidKey }).id;

/** A real database: a valid world made through the store, then damaged records put raw with idb, at the current version. */
async function build(damageOf: (w: World) => Damage): Promise<Built> {
  const name = testDbName();
  const store = await makeStore({ name });
  const s = await seed(store);
  const third = await claimFrom(store, ANISIN, 7, 'Rival elites organised the Almaty violence');
  const event: EventRecord = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06' })).value;
  await store.updateClaim(s.stoodDown.id, { events: [event.id] });
  const w: World = {
    annotations: [s.dj, s.anisin, store.getAnnotation(third.evidence[0]!.annotation)!],
    claims: [store.getClaim(s.stoodDown.id)!, s.overwhelmed, third],
    links: [s.link],
    events: [event],
  };
  const made = { annotations: [...store.annotations.keys()], claims: [...store.claims.keys()], links: [...store.links.keys()], events: [...store.events.keys()] };
  store.close();
  const damage = damageOf(w);
  const db = await openCrossreadDB(name);
  for (const { collection, value } of damage.puts) await db.put(collection, value as never);
  db.close();
  const replaced = new Set(damage.puts.map((p) => `${p.collection} ${JSON.stringify(idOf(p.value))}`));
  const keep = <C extends keyof Built['valid']>(c: C) => made[c].filter((id) => !replaced.has(`${c} ${JSON.stringify(id)}`));
  return { name, w, damage, valid: { annotations: keep('annotations'), claims: keep('claims'), links: keep('links'), events: keep('events') } };
}

async function visit(app: CrApp, hash: string, tag: string): Promise<HTMLElement> {
  location.hash = hash;
  await customElements.whenDefined(tag); // the app loads some views on first visit
  return until(() => deep(app, tag) as HTMLElement | null, tag, 10000);
}

/** Opens the app on a damaged database and walks every view; checks what each must show. */
async function walk(b: Built): Promise<{ app: CrApp; store: CrossreadStore }> {
  const uncaught = watchUncaught();
  const store = await makeStore({ name: b.name }, false);
  const app = await openApp('#/claims', store);
  // Claims: every valid claim, and the events list with every valid event.
  const claims = (await visit(app, '#/claims', 'cr-claims-view')) as CrClaimsView;
  await until(() => shownIds(claims).length === b.valid.claims.length, `${b.valid.claims.length} claims listed`, 10000);
  expect([...shownIds(claims)].sort()).to.deep.equal([...b.valid.claims].sort());
  const events = await until(() => $(claims, 'cr-events-manager'), 'events list');
  for (const id of b.valid.events) expect(events.shadowRoot!.textContent).to.contain(store.getEvent(id)!.name);
  // A claim whose passage is set aside says so.
  for (const ref of b.damage.citing ?? []) {
    const [, id] = ref.split(' ') as [CollectionName, string];
    const c = await card(claims, id);
    await until(() => $(c, '.set-aside')?.textContent?.includes('a damaged passage, set aside'), 'damaged passage named');
  }
  // Reader: every valid passage of the source in the panel.
  const reader = (await visit(app, `#/read/${ANISIN}`, 'cr-reader')) as CrReader;
  const panel = await until(() => deep(reader, 'cr-annotation-panel'), 'annotation panel', 10000);
  const anisin = b.valid.annotations.filter((id) => store.getAnnotation(id)?.target.source === ANISIN);
  await until(() => anisin.every((id) => $(panel, `.card[data-id="${id}"]`)), 'every valid passage in the panel', 10000);
  // Compare: both columns render.
  const compare = (await visit(app, `#/compare/${DJ}/${ANISIN}`, 'cr-compare-view')) as CrCompareView;
  await until(() => compare.column('left') && compare.column('right') && deep(compare.column('right')!, 'cr-document'), 'compare columns', 10000);
  // Settings: every damaged record, with its reason.
  const settings = await visit(app, '#/settings', 'cr-settings');
  const list = await until(() => $(settings, 'cr-quarantine'), 'damaged records section');
  await until(() => $$(list, 'tbody tr').length === b.damage.puts.length, `${b.damage.puts.length} damaged records listed`);
  b.damage.puts.forEach(({ collection, value }, i) => {
    const id = idOf(value);
    const row = $$(list, 'tbody tr').find((r) => r.dataset['collection'] === collection && (typeof id === 'string' ? r.dataset['id'] === id : r.dataset['id'] === undefined));
    expect(row, `${collection} ${JSON.stringify(id)} listed`).to.not.equal(undefined);
    expect(row!.querySelector('.reason')!.textContent).to.match(b.damage.reasons[i]!);
  });
  expect(store.warning).to.equal(undefined);
  expect(store.mode).to.equal('indexeddb');
  await uncaught.none();
  return { app, store };
}

/** The damaged records are in the database exactly as they were put. */
async function expectUntouched(b: Built): Promise<void> {
  const db = await openCrossreadDB(b.name);
  try {
    for (const { collection, value } of b.damage.puts) expect(await db.get(collection, idOf(value) as string)).to.deep.equal(value);
  } finally {
    db.close();
  }
}

describe('a damaged database still opens', () => {
  for (const kind of Object.keys(DAMAGES) as DamageName[]) {
    it(`with ${kind}: every view renders, every valid record shows, the damage is listed and left as it was`, async () => {
      const b = await build(DAMAGES[kind]);
      const { store } = await walk(b);
      store.close();
      await expectUntouched(b);
    });
  }

  it('with every kind at once; edits around the damage save, and the export holds the damaged records', async () => {
    const b = await build(allDamage);
    const { app, store } = await walk(b);
    expect(app.shadowRoot!.querySelector('.notice')).to.equal(null); // not repeated on the settings page itself
    expect(await axeViolations()).to.deep.equal([]);
    // A valid claim citing a damaged passage still saves.
    const citing = b.w.claims[1]!.id;
    await store.updateClaim(citing, { statement: 'Still editable', tags: ['kept'] });
    // Export: the file handed to the browser holds every damaged record, raw, with its reason.
    const settings = deep(app, 'cr-settings')!;
    const list = $(settings, 'cr-quarantine')!;
    const [saved] = await catchDownloads(() => $<HTMLButtonElement>(list, 'button.primary')!.click());
    expect(saved!.name).to.match(/^crossread-damaged-records-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(await saved!.text) as { records: { collection: string; reason: string; record: unknown }[] };
    expect(file.records.map((r) => r.record)).to.deep.equal(store.quarantined.map((q) => JSON.parse(JSON.stringify(q.value)) as unknown));
    expect(file.records.every((r) => r.reason.length > 0)).to.equal(true);
    location.hash = '#/claims';
    const notice = await until(() => app.shadowRoot!.querySelector('.notice'), 'notice in other views');
    expect(notice.textContent).to.match(new RegExp(`${b.damage.puts.length} saved records are damaged`));
    store.close();
    await expectUntouched(b);
  });

  it('shows an empty state in Settings when nothing is damaged, with the storage note', async () => {
    const store = await makeStore({}, false);
    const app = await openApp('#/settings', store);
    const settings = await until(() => deep(app, 'cr-settings'), 'settings', 10000);
    const empty = await until(() => $(settings, 'cr-quarantine') && $($(settings, 'cr-quarantine')!, '.empty'), 'empty state');
    expect(empty.textContent).to.contain('No damaged records');
    const note = await until(() => $(settings, 'p.storage'), 'storage note');
    const footer = await until(() => app.shadowRoot!.querySelector('footer.storage'), 'footer');
    // One sentence, said the same way in the footer and in Settings.
    expect(footer.textContent).to.contain(note.textContent.trim());
    expect(app.shadowRoot!.querySelector('.notice')).to.equal(null);
    store.close();
  });
});

describe('another tab leaving a record damaged', () => {
  it('sets it aside when the change is announced: the view drops it, the notice counts it, nothing breaks', async () => {
    const b = await build(() => ({ puts: [], reasons: [] }));
    const uncaught = watchUncaught();
    const store = await makeStore({ name: b.name }, false);
    const app = await openApp('#/claims', store);
    const claims = (await visit(app, '#/claims', 'cr-claims-view')) as CrClaimsView;
    await until(() => shownIds(claims).length === b.valid.claims.length, 'every claim listed', 10000);
    // Another version of Crossread in another tab writes a claim this one cannot read, and says so on the channel.
    const claim = b.w.claims[0]!;
    const damaged = { ...claim, evidence: 'not a list' };
    const db = await openCrossreadDB(b.name);
    await db.put('claims', damaged as never);
    db.close();
    const other = new TabSync(b.name, () => undefined);
    other.post({ claims: { added: {}, updated: { [claim.id]: [claim, claim] }, removed: {} } });
    other.close();
    await until(() => store.isQuarantined('claims', claim.id), 'set aside');
    await until(() => !shownIds(claims).includes(claim.id), 'no longer listed');
    const notice = await until(() => app.shadowRoot!.querySelector('.notice'), 'notice');
    expect(notice.textContent).to.contain('1 saved record is damaged');
    // Its link now points at a claim set aside, and says so.
    const linked = await card(claims, b.w.claims[1]!.id);
    $(linked, '#statement')!.click();
    const links = await until(() => $(linked, 'cr-claim-links'), 'links');
    await until(() => $(links, '.set-aside')?.textContent === 'a damaged claim, set aside', 'link names the damaged claim');
    await uncaught.none();
    store.close();
    await expectUntouched({ ...b, damage: { puts: [{ collection: 'claims', value: damaged }], reasons: [] } });
  });
});

describe('a database saved by a newer Crossread', () => {
  it('says so in the reader’s words, changes nothing and saves nothing; not memory mode', async () => {
    const name = testDbName();
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('annotations', { keyPath: 'id' }).put({ id: 'kept', text: 'from the future' }) });
    newer.close();
    const uncaught = watchUncaught();
    const store = await makeStore({ name }, false);
    const app = await openApp('#/claims', store);
    const banner = await until(() => app.shadowRoot!.querySelector('.warning'), 'warning banner', 10000);
    expect(banner.textContent).to.equal(
      'This browser’s Crossread data was saved by a newer version of Crossread. Reload to use the newer version; nothing was changed.',
    );
    expect(banner.textContent).not.to.contain('another tab');
    expect(store.warning?.kind).to.equal('newer-data');
    expect(store.mode).to.equal('none');
    const refused = await store.createEvent({ name: 'Not saved', start: '2022' }).then(() => undefined, (e: unknown) => e as Error);
    expect(refused?.message).to.contain('saved by a newer version of Crossread');
    // The same words in Settings, where the storage section says where work is kept.
    location.hash = '#/settings';
    const settings = await until(() => deep(app, 'cr-settings'), 'settings', 10000);
    const note = await until(() => $(settings, 'p.storage'), 'storage note');
    expect(note.textContent).to.contain('saved by a newer version of Crossread');
    await uncaught.none();
    store.close();
    const db = await openDB(name);
    expect(db.version).to.equal(DB_VERSION + 1);
    expect(await db.get('annotations', 'kept')).to.deep.equal({ id: 'kept', text: 'from the future' });
    db.close();
  });
});
