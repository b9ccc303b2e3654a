import { expect } from '@open-wc/testing';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { CrConfirmDialog } from '../../../src/components/shared/cr-confirm-dialog.ts';
import { axeViolations, chooseFile, deep, makeStore, openApp, testDbName, until } from '../helpers.ts';

const toast = (app: CrApp) => app.shadowRoot!.querySelector('.toast')?.textContent ?? '';
const NAME = 'Ana Student';

/** The shipped seminar map handed back by a student: the same records in a student's layer. */
async function studentMap(): Promise<File> {
  const file = (await (await fetch(new URL('corpus/maps/seminar-sample.json', document.baseURI))).json()) as { layer: Record<string, unknown> };
  file.layer = { ...file.layer, name: NAME, role: 'student', course: 'Eurasian politics' };
  return new File([JSON.stringify(file)], 'ana.json', { type: 'application/json' });
}

const layersPanel = (app: CrApp) => until(() => deep(app, 'cr-settings', 'cr-layers'), 'layers panel');
const row = (panel: Element) => until(() => panel.shadowRoot!.querySelector<HTMLElement>('li:not([data-layer=""]) input[type=checkbox]')?.closest('li'), 'a row with controls');
const claimsView = (app: CrApp) => until(() => deep(app, 'cr-claims-view')?.shadowRoot?.querySelector('h1') && deep(app, 'cr-claims-view'), 'claims view');
const claimCards = async (app: CrApp) => (await claimsView(app)).shadowRoot!.querySelectorAll('cr-claim-card').length;

describe('layers', () => {
  it('imports a student map as a layer, hides and shows it, removes it and undoes that; hiding survives a reload', async () => {
    const name = testDbName();
    const store = await makeStore({ name });
    let app = await openApp('#/settings', store);
    const empty = await layersPanel(app);
    expect(empty.shadowRoot!.querySelector('.empty')?.textContent).to.match(/Imported maps appear here as layers/);

    const importer = await until(() => deep(app, 'cr-settings', 'cr-import'), 'importer');
    chooseFile(importer, await studentMap());
    (await until(() => importer.shadowRoot!.querySelector<HTMLButtonElement>('.preview button.primary'), 'Import')).click();
    await until(() => store.claims.size === 13, 'imported');
    let panel = await layersPanel(app);
    let li = await row(panel);
    expect(li.textContent).to.contain(NAME);
    expect(li.textContent).to.match(/Student · Eurasian politics · 13 claims, \d+ passages, 12 links, 2 events/);
    expect(await axeViolations()).to.deep.equal([]);

    // Hide: its claims leave the claims view; they stay stored.
    li.querySelector('input')!.click();
    await until(() => new RegExp(`${NAME}’s map hidden`).test(toast(app)), 'hidden toast');
    app = await openApp('#/claims', store);
    expect(await claimCards(app)).to.equal(0);
    expect(store.claims.size).to.equal(13);
    // Said where the claims would be, with the way to the panel: hidden never looks like lost.
    const view = await claimsView(app);
    expect(view.shadowRoot!.querySelector('.hidden-note')?.textContent).to.match(/13 claims in hidden maps are not shown/);
    // Its events leave the events list beside the claims too.
    expect(view.shadowRoot!.querySelector('cr-events-manager')!.shadowRoot!.querySelectorAll('li')).to.have.length(0);

    // A reload keeps it hidden.
    store.close();
    const again = await makeStore({ name });
    app = await openApp('#/settings', again);
    panel = await layersPanel(app);
    li = await row(panel);
    expect(li.querySelector('input')!.checked).to.equal(false);
    li.querySelector('input')!.click();
    await until(() => again.layers().every((l) => !l.hidden), 'shown again');
    app = await openApp('#/claims', again);
    await until(async () => (await claimCards(app)) === 13, 'its claims back in the claims view');
    const events = (await claimsView(app)).shadowRoot!.querySelector('cr-events-manager')!;
    await until(() => events.shadowRoot!.querySelectorAll('li').length === 2, 'its events back');

    // Remove, after a question naming what goes; Undo brings it all back.
    app = await openApp('#/settings', again);
    panel = await layersPanel(app);
    li = await row(panel);
    li.querySelector<HTMLButtonElement>('button')!.click();
    const dialog = await until(() => panel.shadowRoot!.querySelector<CrConfirmDialog>('cr-confirm-dialog'), 'dialog');
    const body = await until(() => dialog.shadowRoot!.querySelector('dialog[open] #body'), 'question');
    expect(dialog.shadowRoot!.querySelector('#title')!.textContent).to.equal(`Remove ${NAME}’s map?`);
    expect(body.textContent).to.match(/Its 13 claims, \d+ passages, 12 links, 2 events are removed/);
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('.confirm')!.click();
    await until(() => again.claims.size === 0, 'removed');
    await until(() => new RegExp(`Removed ${NAME}’s map: 13 claims`).test(toast(app)), 'removal toast');
    await until(() => panel.shadowRoot!.querySelector('.empty'), 'empty again');
    app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button')!.click();
    await until(() => again.claims.size === 13, 'undone');
    li = await row(panel);
    expect(li.textContent).to.contain(NAME);
  });
});
