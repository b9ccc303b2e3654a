// `?` lists every shortcut, in every view (the app shell's, like undo and `/`), and not while typing.
import { expect } from '@open-wc/testing';
import { deep, makeStore, openApp, pressKey, until } from '../helpers.ts';

afterEach(() => {
  document.querySelector('cr-app')?.remove();
  location.hash = '';
});

describe('keyboard help', () => {
  for (const [view, hash, element] of [
    ['library', '#/', 'cr-library'],
    ['claims', '#/claims', 'cr-claims-view'],
    ['map', '#/map', 'cr-map-view'],
    ['compare', '#/compare/duvanova-junisbai-2022/anisin-2026', 'cr-compare-view'],
  ] as const) {
    it(`opens on ? in the ${view} view, with the keys of every view`, async () => {
      const app = await openApp(hash, await makeStore());
      await until(() => deep(app, element), view, 10000);
      const dialog = deep(app, 'cr-help')!.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(false);
      pressKey('?');
      await until(() => dialog.open, 'help open');
      // Read from the top: its title has focus, not the Close button at the bottom.
      expect(deep(app, 'cr-help')!.shadowRoot!.activeElement?.id).to.equal('help-title');
      const text = dialog.textContent;
      for (const what of ['Undo the last change', 'Highlight the selected passage', 'Link the claim', 'Move through the results']) expect(text).to.contain(what);
      dialog.close();
    });
  }

  it('leaves ? to a field being typed in', async () => {
    const app = await openApp('#/claims', await makeStore());
    const search = await until(() => deep(app, 'cr-search', 'input') as HTMLInputElement | null, 'search box');
    search.focus();
    search.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true, composed: true, cancelable: true }));
    await app.updateComplete;
    expect(deep(app, 'cr-help')!.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });
});
