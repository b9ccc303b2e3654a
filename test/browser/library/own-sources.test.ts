// Sources the reader adds (ADR 0014), as a reader uses them: add one from pasted Markdown, open
// it, annotate a passage, reload; remove it with its annotation and undo.
import { expect } from '@open-wc/testing';
import { axeViolations, deep, makeStore, openApp, openReader, selectText, testDbName, until } from '../helpers.ts';
import type { CrAddSource } from '../../../src/components/library/cr-add-source.ts';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import { OwnSourceDocs, prepareSource } from '../../../src/app/own-sources.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { checkInWorker } from '../../../src/exchange/in-worker/read-in-worker.ts';
import { writeMapFile } from '../../../src/exchange/map-file/write.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

const MARKDOWN = '# Field notes from Almaty\n\n## The square\n\nOn the fifth of January the police left the square before noon, and the crowd grew.\n\n## Afterwards\n\nBy evening the akimat was burning.\n';

/** Fills the "Add a source" form in the library and submits it. */
async function addPasted(app: CrApp, fields: { text: string; title: string; authors?: string; year?: string }): Promise<CrAddSource> {
  const form = await until(() => deep(app, 'cr-library', 'cr-add-source') as CrAddSource | null, 'add-source form');
  if (!form.shadowRoot!.querySelector('form')) (form.shadowRoot!.querySelector('.toggle') as HTMLButtonElement).click();
  const f = await until(() => form.shadowRoot!.querySelector('form'), 'form open');
  const set = (name: string, value: string) => ((f.elements.namedItem(name) as HTMLInputElement).value = value);
  set('text', fields.text);
  set('title', fields.title);
  set('authors', fields.authors ?? '');
  set('year', fields.year ?? '');
  f.requestSubmit();
  return form;
}

describe('a source of your own', () => {
  it('is added from pasted Markdown, opened, annotated, and its annotation is there after a reload', async () => {
    const name = testDbName();
    const store = await makeStore({ name }, false);
    const app = await openApp('#/', store);
    await addPasted(app, { text: MARKDOWN, title: 'Field notes', authors: 'Aigerim Sadykova\nJohn Smith', year: '2022' });
    await until(() => location.hash.startsWith('#/read/user-field-notes-'), 'opened in the reader', 20000);
    const id = location.hash.slice('#/read/'.length);
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('Added “Field notes” to the library');
    const reader = await until(() => { const r = deep(app, 'cr-reader') as CrReader | null; return r?.doc?.meta.id === id ? r : null; }, 'reader', 20000);
    expect(reader.doc!.meta).to.include({ title: 'Field notes', cite: 'Sadykova & Smith 2022', kind: 'your source' });
    expect(reader.shadowRoot!.querySelector('.venue')!.textContent).to.equal('2022');
    const docEl = await until(() => reader.document?.textMap && reader.document, 'text mapped');
    expect(docEl.shadowRoot!.querySelector('h1')!.textContent).to.equal('Field notes from Almaty');
    expect(docEl.shadowRoot!.querySelectorAll('h2').length).to.equal(2);

    // Annotate a passage, as a reader: select, Highlight.
    const text = reader.doc!.text;
    const start = text.indexOf('the police left the square');
    const end = start + 'the police left the square'.length;
    const toolbar = await selectText(docEl, start, end);
    (toolbar.querySelector('button') as HTMLButtonElement).click();
    await until(() => store.annotationsOf(id).length === 1, 'saved');
    expect(store.annotationsOf(id)[0]!.target.sourceHash).to.equal(store.sources.get(id)!.hash);

    // Reload: a new store on the same database, a new app; the source and its annotation are there.
    document.querySelector('cr-app')!.remove();
    store.close();
    const again = await openReader(id, await makeStore({ name }, false));
    await until(() => again.reader.annotations.placed.length === 1, 'annotation placed after reload');
    expect(again.reader.annotations.placed[0]!.start).to.equal(start);
    expect(again.reader.annotations.orphans).to.have.length(0);
    await until(() => again.doc.highlighter.count('cr-h0') === 1, 'painted after reload');
  });

  it('is removed with its annotation after a warning, and Undo brings both back', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    await addPasted(app, { text: 'One paragraph about the CSTO deployment.\n\nAnother about the aftermath.', title: 'Short memo' });
    await until(() => location.hash.startsWith('#/read/user-short-memo-'), 'opened', 20000);
    const id = location.hash.slice('#/read/'.length);
    const reader = await until(() => { const r = deep(app, 'cr-reader') as CrReader | null; return r?.doc?.meta.id === id ? r : null; }, 'reader', 20000);
    const p = reader.doc!.blocks[0]!;
    const { annotation } = (await store.createClaimFromPassage(
      { target: { source: id, sourceHash: reader.doc!.hash, selector: [{ type: 'TextQuoteSelector', exact: reader.doc!.text.slice(p.start, p.end), prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: p.start, end: p.end }] } },
      { statement: 'The CSTO deployed', stance: 'asserts' },
    )).value;

    location.hash = '#/';
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    const card = await until(() => lib.shadowRoot!.querySelector(`li[data-id="${id}"]`), 'card');
    expect(card.querySelector('.mine')).to.equal(null); // kept, not "this tab only"
    // The button sits above the card's link: a click on it reaches it, not the link.
    const button = card.querySelector('.remove') as HTMLButtonElement;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    const hit = lib.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    expect(hit === button, `the click lands on ${hit?.tagName} ${hit?.className}`).to.equal(true);
    button.click();
    const dialog = await until(() => deep(lib, 'cr-confirm-dialog')?.shadowRoot?.querySelector('dialog[open]') ?? null, 'warning');
    expect(dialog.textContent).to.contain('Your 1 annotation on it goes with it');
    expect(dialog.textContent).to.contain('1 claim will be left without evidence');
    (dialog.querySelector('.confirm') as HTMLButtonElement).click();
    await until(() => !store.sources.has(id) && !store.getAnnotation(annotation.id), 'removed with its annotation');
    await until(() => !lib.shadowRoot!.querySelector(`li[data-id="${id}"]`), 'card gone');
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('Removed “Short memo” with 1 annotation; 1 claim left without evidence');

    (toast.querySelector('button') as HTMLButtonElement).click(); // Undo
    await until(() => store.sources.has(id) && store.getAnnotation(annotation.id), 'both back');
    await until(() => lib.shadowRoot!.querySelector(`li[data-id="${id}"]`), 'card back');
    expect(store.evidenceOf([...store.claims.keys()][0]!).map((e) => e.annotation.id)).to.deep.equal([annotation.id]);
  });

  it('has its title, authors and year edited on its card, shown in the library and the reader, and Undo restores them', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    await addPasted(app, { text: MARKDOWN, title: 'Feild notes', authors: 'A. Sadykova', year: '2021' });
    await until(() => location.hash.startsWith('#/read/user-feild-notes-'), 'opened', 20000);
    const id = location.hash.slice('#/read/'.length);
    await until(() => (deep(app, 'cr-reader') as CrReader | null)?.doc?.meta.id === id, 'reader', 20000);
    location.hash = '#/';
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    const card = await until(() => lib.shadowRoot!.querySelector(`li[data-id="${id}"]`), 'card');
    (card.querySelector('.edit') as HTMLButtonElement).click();
    const editor = await until(() => card.querySelector('cr-edit-source')?.shadowRoot?.querySelector('form') ?? null, 'editor');
    const field = (name: string) => editor.elements.namedItem(name) as HTMLInputElement;
    // Focus on the title, all of it selected: typing replaces it.
    await until(() => editor.getRootNode() instanceof ShadowRoot && (editor.getRootNode() as ShadowRoot).activeElement === field('title'), 'title focused');
    expect([field('title').selectionStart, field('title').selectionEnd]).to.deep.equal([0, 'Feild notes'.length]);
    expect([field('authors').value, field('year').value]).to.deep.equal(['A. Sadykova', '2021']);
    expect(await axeViolations()).to.deep.equal([]);
    // A bad year is refused beside the form; then saved.
    field('title').value = 'Field notes';
    field('year').value = 'twenty';
    editor.requestSubmit();
    await until(() => /The year must be a whole number/.test(editor.querySelector('.error')?.textContent ?? ''), 'year refused');
    field('year').value = '2022';
    field('authors').value = 'Aigerim Sadykova\nJohn Smith';
    editor.requestSubmit();
    await until(() => store.sources.get(id)?.title === 'Field notes', 'saved');
    expect(store.sources.get(id)).to.include({ year: 2022 });
    expect(store.sources.get(id)!.authors).to.deep.equal(['Aigerim Sadykova', 'John Smith']);
    await until(() => card.querySelector('h2')?.textContent === 'Field notes', 'the card says so');
    await until(() => lib.shadowRoot!.activeElement === card.querySelector('.edit'), 'focus back on Edit…');
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('Changed the details of “Field notes”');
    (toast.querySelector('button') as HTMLButtonElement).click(); // Undo
    await until(() => store.sources.get(id)?.title === 'Feild notes', 'undone');
    expect(store.sources.get(id)).to.include({ year: 2021 });
    await until(() => card.querySelector('h2')?.textContent === 'Feild notes', 'the card again');
    // Redone (Ctrl+Shift+Z, anywhere): the reader names and cites it as edited.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true, bubbles: true }));
    await until(() => store.sources.get(id)?.title === 'Field notes', 'redone');
    location.hash = `#/read/${id}`;
    const reader = await until(() => { const r = deep(app, 'cr-reader') as CrReader | null; return r?.doc?.meta.id === id ? r : null; }, 'reader again', 20000);
    await until(() => reader.doc!.meta.title === 'Field notes', 'new title in the reader');
    expect(reader.doc!.meta).to.include({ cite: 'Sadykova & Smith 2022' });
    location.hash = '#/';
    const lib2 = await until(() => { const l = deep(app, 'cr-library'); return l && l !== lib ? l : null; }, 'the library again');
    // Escape leaves the details as they were.
    const again = await until(() => lib2.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-id="${id}"] .edit`), 'Edit… again');
    again.click();
    const form = await until(() => lib2.shadowRoot!.querySelector(`li[data-id="${id}"] cr-edit-source`)?.shadowRoot?.querySelector('form') ?? null, 'editor again');
    (form.elements.namedItem('title') as HTMLInputElement).value = 'Something else';
    form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !lib2.shadowRoot!.querySelector('cr-edit-source'), 'closed');
    expect(store.sources.get(id)?.title).to.equal('Field notes');
  });

  it('says what is wrong and keeps what was typed: no title, no text, a bad year, too much text', async () => {
    const app = await openApp('#/', await makeStore());
    const form = await addPasted(app, { text: MARKDOWN, title: ' ' });
    const error = () => form.shadowRoot!.querySelector('.error')?.textContent ?? '';
    await until(() => error().includes('Give the source a title.'), 'title asked for');
    expect(form.shadowRoot!.activeElement?.getAttribute('name')).to.equal('title');
    expect((form.shadowRoot!.querySelector('textarea[name=text]') as HTMLTextAreaElement).value).to.equal(MARKDOWN);
    expect(await axeViolations()).to.deep.equal([]);
    await addPasted(app, { text: '  ', title: 'Empty' });
    await until(() => error().includes('Choose a file or paste the text of the source.'), 'text asked for');
    await addPasted(app, { text: MARKDOWN, title: 'Notes', year: 'last year' });
    await until(() => error().includes('The year must be a whole number'), 'year refused');
    await addPasted(app, { text: 'word '.repeat(450_000), title: 'Too long' });
    await until(() => error().includes('The pasted text is 2.1 MB; a source can be at most 2.0 MB.'), 'too large refused');
    expect(location.hash).to.equal('#/');
  });

  it('travels in a claim map: the receiver’s import adds it, and the passage opens there', async () => {
    const sender = await makeStore();
    const source = (await sender.addSource(await prepareSource({ pasted: { text: MARKDOWN, format: 'markdown' }, title: 'Field notes', authors: ['Aigerim Sadykova'], year: 2022 }))).value;
    const doc = await new OwnSourceDocs().document(source);
    const start = doc.text.indexOf('the crowd grew');
    await sender.createClaimFromPassage({ target: targetFor(doc, start, start + 'the crowd grew'.length) }, { statement: 'The crowd grew', stance: 'asserts' });
    const file = writeMapFile({
      layer: { id: sender.localLayer!, name: 'Aigerim', role: 'student' }, docs: [doc], builtIn: new Set(), sources: [...sender.sources.values()],
      annotations: [...sender.annotations.values()], claims: [...sender.claims.values()], links: [], events: [], now: new Date().toISOString(),
    });

    // Through the importer's worker, as the Import button does: it checks the carried text against its hash.
    const receiver = await makeStore();
    const none = { annotations: [], claims: [], links: [], events: [], sources: [], layers: [] };
    const changed = structuredClone(file);
    changed.sources[0]!.text = changed.sources[0]!.text!.replace('the crowd grew', 'the crowd fell');
    const told = await checkInWorker(JSON.stringify(changed), { docs: [], ids: none });
    expect(told.ok && told.findings.some((f) => f.startsWith('The text carried for “Field notes” is not the one its hash names'))).to.equal(true);
    const incoming = await checkInWorker(JSON.stringify(file), { docs: [], ids: none });
    if (!incoming.ok) throw new Error(JSON.stringify(incoming.problems));
    expect(incoming.findings.filter((f) => f.startsWith('The text carried'))).to.deep.equal([]);
    await receiver.receive(incoming.batch, 'import');
    const { reader } = await openReader(source.id, receiver);
    expect(reader.doc!.meta.title).to.equal('Field notes');
    await until(() => reader.annotations.placed.length === 1, 'the sender’s passage placed');
    expect(reader.annotations.placed[0]!.start).to.equal(start);
  });
});
