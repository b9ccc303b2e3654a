import { expect } from '@open-wc/testing';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrImport } from '../../../src/components/exchange/cr-import.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { MapLayer } from '../../../src/exchange/map-file/format.ts';
import { importMapFile } from '../../../src/exchange/map-file/import.ts';
import { writeMapFile } from '../../../src/exchange/map-file/write.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { largeMap } from '../../shared/large-map.ts';
import { chooseFile, deep, makeStore, openApp, openReader, until } from '../helpers.ts';

const toast = (app: CrApp) => app.shadowRoot!.querySelector('.toast')?.textContent ?? '';

/** A claim with one passage, made through the store as the reader would, and the reader's doc. */
async function oneClaim(store: CrossreadStore) {
  const { reader } = await openReader('duvanova-junisbai-2022', store);
  const doc = reader.doc!;
  const quote = 'Organized mobs used bulldozers to break into banks';
  const start = doc.text.indexOf(quote);
  const made = await store.createClaimFromPassage({ target: targetFor(doc, start, start + quote.length) }, { statement: 'The mobs were organized', stance: 'asserts' });
  return { doc, ...made.value };
}

/** The reader's own map as a file, as Export writes it. */
function myMap(store: CrossreadStore, doc: NonNullable<Awaited<ReturnType<typeof oneClaim>>['doc']>, layer: MapLayer = { id: store.localLayer!, name: 'Me', role: 'student' }) {
  return structuredClone(writeMapFile({
    layer, docs: [doc], builtIn: new Set([doc.meta.id]), layers: store.layers(), now: '2026-01-01T00:00:00.000Z',
    annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [...store.links.values()], events: [...store.events.values()],
  }));
}

async function importFile(app: CrApp, text: string, name: string): Promise<CrImport> {
  const importer = await until(() => deep(app, 'cr-settings', 'cr-import') as CrImport | null, 'importer');
  chooseFile(importer, new File([text], name, { type: 'application/json' }));
  return importer;
}

describe('importing: conflicts to settle, orphans listed', () => {
  it('lists a record changed on both sides; Keep mine and Take theirs do what they say, each undoable from its toast', async () => {
    const store = await makeStore();
    const { doc, claim } = await oneClaim(store);
    // The map, as exported, comes back edited on the other side (another replica wrote the claim)...
    const file = myMap(store, doc);
    const theirs = 'The mobs were <b>organised</b> by insiders';
    Object.assign(file.claims[0]!, { statement: theirs, version: { ...claim.version, 'urn:uuid:00000000-0000-4000-8000-00000000beef': 1 } });
    // ...while the reader edited it here too.
    const mine = 'The mobs were organized, say witnesses';
    await store.updateClaim(claim.id, { statement: mine });
    const app = await openApp('#/settings', store);
    const importer = await importFile(app, JSON.stringify(file), 'back.json');
    const preview = await until(() => importer.shadowRoot!.querySelector('.preview'), 'preview');
    expect(preview.textContent).to.contain('1 record changed both here and in the file');
    importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary')!.click();
    const list = await until(() => importer.shadowRoot!.querySelector('cr-import-conflicts'), 'conflict list');
    const row = await until(() => list.shadowRoot!.querySelector('li.open'), 'an open conflict');
    expect(row.querySelector('h4')!.textContent).to.equal(`claim${mine}`);
    expect(row.querySelector('.mine .text')!.textContent).to.equal(mine);
    expect(row.querySelector('.theirs .text')!.textContent).to.equal(theirs);
    expect(row.querySelector('b')).to.equal(null); // their text is text
    expect(list.shadowRoot!.activeElement?.textContent).to.equal('Keep mine'); // focus on the first choice
    expect(store.claims.get(claim.id)!.statement).to.equal(mine); // nothing decided for the reader

    const undo = async () => {
      const button = await until(() => app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button'), 'Undo');
      button.click();
      await until(() => !app.shadowRoot!.querySelector('.toast button'), 'undone');
    };
    row.querySelector<HTMLButtonElement>('button.mine')!.click();
    await until(() => list.shadowRoot!.querySelector('li.settled .outcome')?.textContent === 'Kept yours.', 'kept mine');
    await until(() => /Kept your claim “The mobs were organized, say witnesses”/.test(toast(app)), 'toast');
    expect(list.shadowRoot!.querySelector('.summary')!.textContent).to.equal('No conflicts left: every record is settled.');
    expect(list.shadowRoot!.activeElement?.className).to.equal('summary');
    expect(store.claims.get(claim.id)!.statement).to.equal(mine);
    await undo();
    await until(() => list.shadowRoot!.querySelector('li.open button.theirs'), 'open again after undo');

    list.shadowRoot!.querySelector<HTMLButtonElement>('li.open button.theirs')!.click();
    await until(() => store.claims.get(claim.id)!.statement === theirs, 'theirs taken');
    await until(() => /Took the file’s claim/.test(toast(app)), 'toast');
    expect(list.shadowRoot!.querySelector('li.settled .outcome')!.textContent).to.equal('Took the file’s.');
    await undo();
    await until(() => store.claims.get(claim.id)!.statement === mine, 'undone: mine again');
    // Settled for theirs at last: importing the same file again is no conflict.
    (await until(() => list.shadowRoot!.querySelector<HTMLButtonElement>('li.open button.theirs'), 'open again')).click();
    await until(() => store.claims.get(claim.id)!.statement === theirs, 'theirs taken again');
    expect(store.previewReceive({ put: file.claims.map((record) => ({ collection: 'claims' as const, record })) }).summary).to.include({ conflicts: 0, unchanged: 1 });
  });

  it('settles every conflict at once, one step with one toast and Undo', async () => {
    const store = await makeStore();
    const { doc, claim } = await oneClaim(store);
    const quote = 'bulldozers';
    const start = doc.text.indexOf(quote);
    const second = (await store.createClaimFromPassage({ target: targetFor(doc, start, start + quote.length) }, { statement: 'Bulldozers were used', stance: 'mentions' })).value.claim;
    const file = myMap(store, doc);
    const other = 'urn:uuid:00000000-0000-4000-8000-00000000beef';
    for (const c of file.claims) Object.assign(c, { statement: `${c.statement} (theirs)`, version: { ...c.version, [other]: 1 } });
    for (const c of [claim, second]) await store.updateClaim(c.id, { statement: `${c.statement} (mine)` });
    const app = await openApp('#/settings', store);
    const importer = await importFile(app, JSON.stringify(file), 'both.json');
    (await until(() => importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary:not([disabled])'), 'Import')).click();
    const list = await until(() => importer.shadowRoot!.querySelector('cr-import-conflicts'), 'conflict list');
    (await until(() => list.shadowRoot!.querySelector<HTMLButtonElement>('button.all-theirs'), 'for all')).click();
    await until(() => /Took the file’s 2 conflicting records/.test(toast(app)), 'one toast');
    expect([...store.claims.values()].map((c) => c.statement).sort()).to.deep.equal(['Bulldozers were used (theirs)', 'The mobs were organized (theirs)']);
    expect(list.shadowRoot!.querySelectorAll('li.settled').length).to.equal(2);
    app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button')!.click();
    await until(() => list.shadowRoot!.querySelectorAll('li.open').length === 2, 'both open again');
    expect([...store.claims.values()].map((c) => c.statement).sort()).to.deep.equal(['Bulldozers were used (mine)', 'The mobs were organized (mine)']);
  });

  it('a map made on another version of a source imports, listing the passage no longer found by its quote', async () => {
    const store = await makeStore();
    const { doc } = await oneClaim(store);
    const file = myMap(store, doc);
    const gone = 'Peaceful crowds marched to the akimat singing';
    file.sources[0]!.hash = 'sha256-an-earlier-text';
    const a = file.annotations[0]!;
    a.target.sourceHash = 'sha256-an-earlier-text';
    a.target.selector[0] = { ...a.target.selector[0], exact: gone };
    const fresh = await makeStore();
    const app = await openApp('#/settings', fresh);
    const importer = await importFile(app, JSON.stringify(file), 'older.json');
    const preview = await until(() => importer.shadowRoot!.querySelector('.preview'), 'preview');
    expect(preview.textContent).to.contain('made on another version of “duvanova-junisbai-2022”');
    expect(preview.textContent).to.contain(`1 passage not found in this version of the text, imported all the same and listed in the reader to re-attach: \u201c${gone}\u201d`);
    importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary')!.click();
    await until(() => fresh.annotations.size === 1 && fresh.claims.size === 1, 'imported, orphan kept');
  });

  it('a student’s map answering an instructor’s map not here says to import that first; after it, both import', async () => {
    const teacher = await makeStore();
    const { doc, claim } = await oneClaim(teacher);
    const handout = myMap(teacher, doc, { id: teacher.localLayer!, name: 'Dr. Sato', role: 'instructor', course: 'HIST 210' });
    const student = await makeStore();
    const got = await importMapFile(student, JSON.stringify(handout), [{ id: doc.meta.id, hash: doc.hash }]);
    if (!got.ok) throw new Error(JSON.stringify(got.problems));
    const start = doc.text.indexOf('bulldozers');
    const mine = (await student.createClaimFromPassage({ target: targetFor(doc, start, start + 10) }, { statement: 'The bulldozers were borrowed', stance: 'asserts' })).value;
    await student.createLink({ relation: 'qualifies', from: mine.claim.id, to: claim.id });
    const handIn = JSON.stringify(myMap(student, doc));

    // A TA's browser, which has neither map: the student's first.
    const fresh = await makeStore();
    const app = await openApp('#/settings', fresh);
    const importer = await importFile(app, handIn, 'ann.json');
    const refused = await until(() => importer.shadowRoot!.querySelector('.preview[role=alert]'), 'refusal');
    const problems = [...refused.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(problems[0]).to.equal('It answers Dr. Sato’s map (instructor, HIST 210), which is not here: import that map first, then this one.');
    expect(problems).to.have.length(1); // no raw ids beside it
    refused.querySelector<HTMLButtonElement>('button[data-next]')!.click();

    await importFile(app, JSON.stringify(handout), 'sato.json');
    (await until(() => importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary'), 'import')).click();
    await until(() => fresh.claims.size === 1, 'the instructor’s map imported');
    await importFile(app, handIn, 'ann.json');
    (await until(() => importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary'), 'import')).click();
    await until(() => fresh.claims.size === 2 && fresh.links.size === 1, 'the student’s map imported');
  });

  /** What the importer's progress showed, at every change of its shadow DOM. */
  function watchProgress(importer: CrImport) {
    const seen: Array<{ label: string; value: number | undefined; said: string; importDisabled: boolean }> = [];
    const look = () => {
      const bar = importer.shadowRoot!.querySelector('progress');
      if (!bar) return;
      const said = importer.shadowRoot!.querySelector('.progress [role=status]')?.textContent ?? '';
      seen.push({ label: bar.getAttribute('aria-label')!, value: bar.hasAttribute('value') ? bar.value : undefined, said, importDisabled: !!importer.shadowRoot!.querySelector('.choose')?.hasAttribute('disabled') });
    };
    const observer = new MutationObserver(look);
    observer.observe(importer.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    return { seen, stop: () => observer.disconnect() };
  }

  it('a large map (3,000 claims with passages) shows its progress through checking and writing, to completion', async () => {
    const store = await makeStore();
    const { reader } = await openReader('anisin-2026', store);
    const text = JSON.stringify(largeMap(reader.doc!, 3000));
    expect(text.length).to.be.greaterThan(5_000_000);
    const app = await openApp('#/settings', store);
    const importer = await until(() => deep(app, 'cr-settings', 'cr-import') as CrImport | null, 'importer');
    const watch = watchProgress(importer);
    chooseFile(importer, new File([text], 'big.json', { type: 'application/json' }));
    const preview = await until(() => importer.shadowRoot!.querySelector('.preview'), 'preview', 30_000);
    expect(preview.textContent).to.contain('Importing will add 8999 records');
    const checking = watch.seen.filter((s) => s.label === 'Importing big.json');
    expect(checking.length).to.be.greaterThan(2);
    expect(checking.every((s) => s.importDisabled)).to.equal(true); // no second file while one is checked
    const values = checking.map((s) => s.value!);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!), values.join()).to.equal(true); // it only moves forward
    expect(checking.map((s) => s.said)).to.include.members(['Checking big.json…', 'Comparing with what is here: big.json (8999 records)…']);
    expect(store.claims.size).to.equal(0);

    watch.seen.length = 0;
    importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary')!.click();
    const done = await until(() => importer.shadowRoot!.querySelector<HTMLProgressElement>('progress[aria-label="Imported big.json"]'), 'completed', 60_000);
    expect(done.value).to.equal(done.max);
    expect(importer.shadowRoot!.querySelector('.progress [role=status]')!.textContent).to.equal('big.json: 8999 records written.');
    expect(watch.seen.some((s) => s.said === 'Writing big.json (8999 records)…' && s.value === undefined && s.importDisabled)).to.equal(true);
    expect(store.claims.size).to.equal(3000);
    expect(store.links.size).to.equal(2999);
    watch.stop();
  });

  it('Cancel (or Escape) while a large map is checked stops it: nothing written, focus back on Import a file', async () => {
    const store = await makeStore();
    const { reader } = await openReader('anisin-2026', store);
    const text = JSON.stringify(largeMap(reader.doc!, 3000));
    const app = await openApp('#/settings', store);
    const importer = await until(() => deep(app, 'cr-settings', 'cr-import') as CrImport | null, 'importer');
    chooseFile(importer, new File([text], 'big.json', { type: 'application/json' }));
    (await until(() => importer.shadowRoot!.querySelector<HTMLButtonElement>('.progress button.stop'), 'Cancel')).click();
    await until(() => /Stopped checking big\.json; nothing was imported/.test(toast(app)), 'toast');
    expect(importer.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(importer.shadowRoot!.activeElement?.className).to.equal('choose');
    // The next file is checked as usual: the stopped one leaves nothing behind.
    chooseFile(importer, new File([text], 'again.json', { type: 'application/json' }));
    await until(() => importer.shadowRoot!.querySelector('progress'), 'checking again');
    importer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => /Stopped checking again\.json/.test(toast(app)), 'stopped by Escape');
    expect(importer.shadowRoot!.querySelector('.preview')).to.equal(null);
    expect(store.claims.size).to.equal(0);
  });
});
