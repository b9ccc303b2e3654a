import { expect } from '@open-wc/testing';
import { openApp, until, deep, openReader, pressKey, selectText, makeStore, axeViolations } from '../helpers.ts';
import { MAX_NOTE_LENGTH, MemoryPersistence } from '../../../src/store/index.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { AnnotateRequestEvent, AnnotationActivateEvent } from '../../../src/components/shared/events.ts';
import { sendKeys } from '@web/test-runner-commands';

afterEach(() => document.querySelector('cr-app')?.remove());

describe('reader UI', () => {
  it('has no axe violations in the library and in a reader with annotations', async () => {
    const lib = await openApp('#/', await makeStore({}, false));
    await until(() => deep(lib, 'cr-library')?.shadowRoot?.querySelector('li'), 'cards');
    expect(await axeViolations(), (await axeViolations()).join('\n')).to.deep.equal([]);

    const store = await makeStore();
    const { doc, panel } = await openReader('kurmashev-et-al-2018', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 3)!;
    await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 40), note: 'A *note*', tags: ['ANSAs'] });
    await until(() => panel.shadowRoot!.querySelector('.card'), 'card');
    expect(await axeViolations()).to.deep.equal([]);
  });

  it('A takes focus from the text to the annotations: the open one\u2019s card, else the list\u2019s heading', async () => {
    const store = await makeStore();
    const { doc, panel, reader } = await openReader('kurmashev-et-al-2018', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 3)!;
    const a = (await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 40), note: 'A note' })).value;
    await until(() => reader.annotations.placed.length === 1, 'placed');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'a' });
    await until(() => panel.shadowRoot!.activeElement?.id === 'ann-title', 'the list heading');
    doc.dispatchEvent(new AnnotationActivateEvent([a.id], false));
    await until(() => panel.shadowRoot!.querySelector(`[data-id="${a.id}"][aria-current="true"]`), 'open');
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'a' });
    await until(() => panel.shadowRoot!.activeElement === panel.shadowRoot!.querySelector(`[data-id="${a.id}"] button.quote`), 'its card');
  });

  it('sets the name put on annotations from the panel, and new annotations carry it', async () => {
    const store = await makeStore({}, false);
    const { doc, panel, reader } = await openReader('duvanova-junisbai-2022', store);
    const form = await until(() => panel.shadowRoot!.querySelector<HTMLFormElement>('form.who'), 'name form');
    form.querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Aigerim';
    form.requestSubmit();
    await until(() => panel.shadowRoot!.querySelector('div.who')?.textContent?.includes('Annotating as Aigerim'), 'name shown');
    expect(store.creatorName).to.equal('Aigerim');
    // The form gave way: focus is on what replaced it, which says where to change the name.
    await until(() => panel.shadowRoot!.activeElement === panel.shadowRoot!.querySelector('div.who'), 'focus kept in the panel');
    expect(panel.shadowRoot!.querySelector('div.who a')!.getAttribute('href')).to.equal('#/settings');
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 2)!;
    doc.dispatchEvent(new AnnotateRequestEvent('duvanova-junisbai-2022', p.start, p.start + 30, 'highlight'));
    await until(() => reader.annotations.placed.length === 1, 'highlight saved by the reader');
    expect(reader.annotations.placed[0]!.annotation.creator.name).to.equal('Aigerim');
  });

  it('a note the store refuses is reported by the panel, which keeps the draft and changes nothing', async () => {
    const store = await makeStore({}, false);
    const { app, doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 4)!;
    await selectText(doc, p.start, p.start + 30);
    pressKey('n');
    const note = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-note'), 'note form');
    note.value = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    (note.closest('form') as HTMLFormElement).requestSubmit();
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'toast');
    expect(toast.textContent).to.contain('Could not save the annotation');
    expect(panel.shadowRoot!.querySelector('#draft-note')).to.equal(note);
    expect(store.annotations.size).to.equal(0);
  });

  it('opens the keyboard help with ? and closes it with Escape', async () => {
    const { app } = await openReader('duvanova-junisbai-2022', await makeStore({}, false));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true, composed: true, cancelable: true }));
    const dialog = deep(app, 'cr-help')!.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open, 'help open');
    expect(dialog.textContent).to.contain('Highlight the selected passage');
    dialog.close();
    expect(dialog.open).to.equal(false);
  });

  it('says clearly when nothing will be saved (no IndexedDB), and still works in memory', async () => {
    const store = await makeStore({ openPersistence: () => Promise.reject(new DOMException('IndexedDB is not available', 'InvalidStateError')) }, false);
    const { app, doc, reader } = await openReader('anisin-2026', store);
    const banner = await until(() => app.shadowRoot!.querySelector('.warning'), 'warning banner');
    expect(banner.getAttribute('role')).to.equal('alert');
    expect(banner.textContent.length).to.be.greaterThan(20);
    expect(store.mode).to.equal('memory');
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 2)!;
    await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 30) });
    await until(() => reader.annotations.placed.length === 1, 'annotation in memory mode');
  });

  it('colours highlights by tag or by person', async () => {
    const store = await makeStore({ openPersistence: () => Promise.resolve(new MemoryPersistence()) }, false);
    const { doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.numbered && b.n === 2)!;
    await store.createAnnotation({ target: targetFor(doc.doc!, p.start, p.start + 30) });
    await until(() => doc.highlighter.count('cr-h0') === 1, 'untagged: default colour');
    const select = await until(() => panel.shadowRoot!.querySelector<HTMLSelectElement>('select[name="colour-by"]'), 'colour select');
    select.value = 'author';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => doc.highlighter.count('cr-h0') === 0 && doc.colourBy === 'author', 'coloured by person');
  });
});
