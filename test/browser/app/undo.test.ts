// Undo belongs to the app shell: Ctrl/Cmd+Z and Shift+Z in every view, and toasts that undo their own action.
import { expect } from '@open-wc/testing';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import { NotifyEvent } from '../../../src/components/shared/events.ts';
import type { CrossreadStore } from '../../../src/store/index.ts';
import { sendKeys } from '@web/test-runner-commands';
import { deep, openApp, pressKey, pressWith, testDbName, until, makeStore } from '../helpers.ts';
import { seed } from '../claims/harness.ts';

let store: CrossreadStore;
afterEach(() => {
  document.querySelector('cr-app')?.remove();
  store?.close();
});

const toast = (app: CrApp) => app.shadowRoot!.querySelector('.toast')?.textContent ?? '';
const ctrlZ = (shiftKey = false) => pressKey(shiftKey ? 'Z' : 'z', { ctrlKey: true, shiftKey });

describe('undo in the app shell', () => {
  for (const [view, hash, element] of [
    ['reader', '#/read/anisin-2026', 'cr-reader'],
    ['claims', '#/claims', 'cr-claims-view'],
    ['compare', '#/compare/duvanova-junisbai-2022/anisin-2026', 'cr-compare-view'],
  ] as const) {
    it(`Ctrl+Z undoes and Ctrl+Shift+Z redoes in the ${view} view, once each`, async () => {
      store = await makeStore();
      const { a } = await seed(store);
      const app = await openApp(hash, store);
      await until(() => deep(app, element), view, 10000);
      const seen: string[] = [];
      const off = store.subscribe((_d, origin) => seen.push(origin));
      await store.updateClaim(a.id, { statement: 'Edited in the test' });
      ctrlZ();
      await until(() => store.getClaim(a.id)!.statement !== 'Edited in the test', 'undone');
      await until(() => toast(app).includes('Undone: Edit claim'), 'toast says what was undone');
      ctrlZ(true);
      await until(() => store.getClaim(a.id)!.statement === 'Edited in the test', 'redone');
      await until(() => toast(app).includes('Redone: Edit claim'), 'toast says what was redone');
      off();
      // One handler: one undo and one redo, not two of each.
      expect(seen).to.deep.equal(['local', 'undo', 'redo']);
    });
  }

  it('does not undo while the user types in a field', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const app = await openApp('#/claims', store);
    await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    await store.updateClaim(a.id, { statement: 'Typed over' });
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
    input.remove();
    // The store queues actions: a later action resolves only after any undo the key could have started.
    await store.setCreatorName('Ada');
    expect(store.getClaim(a.id)!.statement).to.equal('Typed over');
  });

  it('does not undo behind an open dialog: the dialog would then act on what the undo took away', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const app = await openApp(`#/claims/${a.id}`, store);
    const view = await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    await store.updateClaim(a.id, { statement: 'Edited before the dialog' });
    const card = await until(() => view.shadowRoot!.querySelector<HTMLElement>(`cr-claim-card[data-id="${a.id}"]`), 'card');
    (await until(() => card.shadowRoot!.querySelector<HTMLButtonElement>('[data-intent=delete]'), 'delete button')).click();
    const confirm = await until(() => deep(view, 'cr-confirm-dialog'), 'confirm');
    const dialog = await until(() => (confirm.shadowRoot!.querySelector('dialog')?.open ? confirm.shadowRoot!.querySelector('dialog')! : null), 'dialog open');
    // Ctrl+Z pressed for real, with focus in the dialog (on Cancel).
    await pressWith('Control', 'z');
    await store.setCreatorName('Ada'); // queued after any undo the key could have started
    expect(store.getClaim(a.id)!.statement).to.equal('Edited before the dialog');
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'closed');
    await pressWith('Control', 'z');
    await until(() => store.getClaim(a.id)!.statement !== 'Edited before the dialog', 'undone once the dialog is closed');
  });

  it('says why when there is nothing to undo', async () => {
    store = await makeStore();
    const app = await openApp('#/claims', store);
    await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    ctrlZ();
    await until(() => toast(app).includes('Nothing to undo.'), 'nothing to undo');
  });

  it('a merge toast undoes the merge after a later unrelated edit, and the edit stays', async () => {
    store = await makeStore();
    const { a, c, d } = await seed(store);
    const app = await openApp('#/claims', store);
    const view = await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    const merged = await store.mergeClaims(a.id, d.id);
    view.dispatchEvent(new NotifyEvent('Claims merged', merged));
    const button = await until(() => app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button'), 'Undo button');
    expect(button.textContent).to.equal('Undo');
    await store.updateClaim(c.id, { statement: 'Edited after the merge' });
    button.click();
    await until(() => store.getClaim(d.id), 'merge undone');
    expect(store.getClaim(c.id)!.statement).to.equal('Edited after the merge');
    await until(() => toast(app).includes('Undone: Merge claims'), 'toast says so');
  });

  it('a toast\'s Undo stays beside later toasts and undoes only its own action; news without a button is replaced', async () => {
    store = await makeStore();
    const { a, b, c } = await seed(store);
    const app = await openApp('#/claims', store);
    const view = await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    const toasts = () => [...app.shadowRoot!.querySelectorAll('.toast')].map((t) => t.querySelector('.message')!.textContent);
    const undoOf = (message: string) => [...app.shadowRoot!.querySelectorAll('.toast')].find((t) => t.textContent.startsWith(message))?.querySelector('button');
    const linked = await store.createLink({ relation: 'supports', from: a.id, to: b.id });
    view.dispatchEvent(new NotifyEvent('Claims linked', linked));
    view.dispatchEvent(new NotifyEvent('Link to paragraph copied'));
    const removed = await store.removeEvidence(c.id, c.evidence[0]!.annotation);
    view.dispatchEvent(new NotifyEvent('Passage removed from the claim', removed));
    view.dispatchEvent(new NotifyEvent('Passage copied with citation'));
    await until(() => toasts().length === 3, 'three toasts');
    // Newest first; the first news went when the second came.
    expect(toasts()).to.deep.equal(['Passage copied with citation', 'Passage removed from the claim', 'Claims linked']);
    undoOf('Claims linked')!.click();
    await until(() => store.links.size === 0, 'the link undone');
    expect(store.getClaim(c.id)!.evidence).to.deep.equal([]); // the later removal stays
    await until(() => toasts().includes('Undone: Link claims'), 'says so');
    expect(undoOf('Passage removed from the claim')).to.not.equal(undefined);
    // A fourth toast with a button sends the oldest away.
    for (const statement of ['One', 'Two', 'Three']) view.dispatchEvent(new NotifyEvent(`Edited: ${statement}`, await store.updateClaim(a.id, { statement })));
    await until(() => toasts()[0] === 'Edited: Three', 'newest');
    expect(toasts()).to.deep.equal(['Edited: Three', 'Edited: Two', 'Edited: One']);
  });

  it('a toast whose action can no longer be undone says why, and undoes nothing else', async () => {
    store = await makeStore();
    const { a } = await seed(store);
    const app = await openApp('#/claims', store);
    const view = await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    const edit = await store.updateClaim(a.id, { statement: 'First' });
    view.dispatchEvent(new NotifyEvent('Claim edited', edit));
    const button = await until(() => app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button'), 'Undo button');
    await store.updateClaim(a.id, { statement: 'Second' });
    button.click();
    await until(() => toast(app).includes('Can\'t undo “Edit claim” yet: a later change (“Edit claim”) touched the same claim. Undo that first.'), 'reason');
    expect(store.getClaim(a.id)!.statement).to.equal('Second');
  });

  it('in a tab whose history another tab overtook, Ctrl+Z says what it could not undo and why', async () => {
    const name = testDbName();
    store = await makeStore({ name: name });
    const other = await makeStore({ name: name });
    const { a } = await seed(store);
    const app = await openApp('#/claims', store);
    await until(() => deep(app, 'cr-claims-view'), 'claims view', 10000);
    // This tab edits a claim; the other tab edits the same claim afterwards.
    await store.updateClaim(a.id, { note: 'from this tab' });
    await until(() => other.getClaim(a.id)?.note === 'from this tab', 'the other tab sees the edit');
    await other.updateClaim(a.id, { note: 'from the other tab' });
    await until(() => store.getClaim(a.id)?.note === 'from the other tab', 'this tab sees the other edit');
    ctrlZ();
    await until(() => toast(app).includes('Can\'t undo “Edit claim”: another tab has changed the same claim since.'), 'reason, not "Nothing to undo"');
    expect(store.getClaim(a.id)!.note).to.equal('from the other tab');
    // This tab makes a claim; the other tab links to it; Ctrl+Z here cannot take the claim back.
    const made = (await store.createClaimFromPassage({ target: store.getAnnotation(a.evidence[0]!.annotation)!.target }, { statement: 'Made here', stance: 'asserts' })).value;
    await until(() => other.getClaim(made.claim.id), 'the other tab sees the claim');
    await other.createLink({ relation: 'supports', from: a.id, to: made.claim.id });
    await until(() => store.links.size === 1, 'this tab sees the link');
    ctrlZ();
    await until(() => toast(app).includes('Can\'t undo “Create claim”: a link made since depends on it.'), 'reason for the claim');
    expect(store.getClaim(made.claim.id)).to.not.equal(undefined);
    other.close();
  });
});
