// A refused save keeps what was typed (issue 8), in the forms that make new records, which have no
// stored record to keep in step with: the link dialog, the new event form and the annotation
// panel's new note. Editors of saved records are covered in editor-drafts.test.ts.
import { expect } from '@open-wc/testing';
import type { CrossreadStore, StoreOptions } from '../../../src/store/index.ts';
import type { CrLinkDialog } from '../../../src/components/claims/cr-link-dialog.ts';
import type { CrEventsManager } from '../../../src/components/claims/cr-events-manager.ts';
import { draftNote, makeStore, openReader } from '../helpers.ts';
import { tampered } from '../store/helpers.ts';
import { $, card, claimFrom, focused, mount, notices, press, type, until } from '../claims/harness.ts';

let full = false;
const fullDisk: StoreOptions = {
  openPersistence: tampered((diff) => {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return diff;
  }),
};

afterEach(() => {
  full = false;
  document.querySelector('main.test')?.remove();
  document.querySelector('cr-app')?.remove();
});

const TEXT = 'Kept after a refused save';

describe('forms for new records, on a full disk', () => {
  let store: CrossreadStore;
  beforeEach(async () => {
    store = await makeStore(fullDisk);
  });

  it('the link dialog stays open with the rationale and says why; Save again links', async () => {
    const a = await claimFrom(store, 'anisin-2026', 5, 'The CSTO came because the regime faced a popular uprising');
    await claimFrom(store, 'duvanova-junisbai-2022', 3, 'Elites organised the Almaty violence');
    const view = await mount(store, a.id);
    const claimCard = await card(view, a.id);
    (await until(() => $<HTMLElement>(claimCard, '[data-intent=link]'), 'Link to…')).click();
    const dialog = $<CrLinkDialog>(view, 'cr-link-dialog')!;
    await until(() => focused()?.getAttribute('role') === 'combobox', 'picker focused');
    await type('Elites organised');
    await until(() => focused()?.getAttribute('aria-expanded') === 'true', 'options');
    await press('Enter');
    const rationale = $<HTMLTextAreaElement>(dialog, 'textarea[name=rationale]')!;
    rationale.focus();
    await type(TEXT);
    full = true;
    $(dialog, 'button.primary')!.click();
    const error = await until(() => $(dialog, '.error[role=alert]'), 'error');
    expect(error.textContent).to.contain('no storage space');
    expect($<HTMLDialogElement>(dialog, 'dialog')!.open).to.equal(true);
    expect(rationale.value).to.equal(TEXT);
    expect(store.links.size).to.equal(0);
    full = false;
    $(dialog, 'button.primary')!.click();
    await until(() => store.links.size === 1, 'linked');
    expect([...store.links.values()][0]!.rationale).to.equal(TEXT);
  });

  it('the new event form keeps the name and says why', async () => {
    const view = await mount(store);
    const events = await until(() => $<CrEventsManager>(view, 'cr-events-manager'), 'events manager');
    const name = await until(() => $<HTMLInputElement>(events, 'form.create input[name=name]'), 'name field');
    name.focus();
    await type(TEXT);
    $<HTMLInputElement>(events, 'form.create input[name=start]')!.value = '2022-01-04';
    full = true;
    $(events, 'form.create button.primary')!.click();
    const error = await until(() => $(events, 'form.create .error[role=alert]'), 'error');
    expect(error.textContent).to.contain('no storage space');
    expect(name.value).to.equal(TEXT);
    expect(store.events.size).to.equal(0);
  });

  it('the annotation panel keeps a new note open with its text and says why', async () => {
    const { doc, panel } = await openReader('duvanova-junisbai-2022', store);
    const p = doc.doc!.blocks.find((b) => b.n === 4 && b.numbered)!;
    const note = await draftNote(doc, panel, p.start + 10, p.start + 80);
    await type(TEXT);
    full = true;
    const before = notices.length;
    (note.form!.querySelector('button.primary') as HTMLElement).click();
    await until(() => notices.slice(before).some((n) => n.message.includes('no storage space')), 'said why');
    expect(panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-note')?.value).to.equal(TEXT);
    expect(store.annotations.size).to.equal(0);
  });
});
