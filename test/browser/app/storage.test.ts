// The reader can see whether the browser promised to keep their work (navigator.storage.persist()).
import { expect } from '@open-wc/testing';
import { openApp, until, makeStore } from '../helpers.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

describe('persistent storage', () => {
  it('asks once on opening and shows the browser’s answer in every view', async () => {
    const store = await makeStore({}, false);
    const app = await openApp('#/', store);
    const note = await until(() => app.shadowRoot!.querySelector('footer.storage'), 'storage note');
    // Headless Chromium answers persist() with false; a real one may grant it.
    const answer = await store.requestPersistentStorage();
    expect(note.getAttribute('data-storage')).to.equal(answer);
    expect(['persisted', 'best-effort']).to.include(answer);
    expect(note.textContent).to.contain(answer === 'persisted' ? 'has agreed to keep them' : 'has not promised to keep them');
    expect(note.textContent).not.to.contain('Export');
    location.hash = '#/claims';
    await until(() => app.shadowRoot!.querySelector('cr-claims-view'), 'claims view', 10000);
    expect(app.shadowRoot!.querySelector('footer.storage')).to.equal(note);
    store.close();
  });

  it('shows no storage note in memory mode, where the banner says it all', async () => {
    const store = await makeStore({ openPersistence: () => Promise.reject(new DOMException('no', 'InvalidStateError')) }, false);
    const app = await openApp('#/', store);
    const banner = await until(() => app.shadowRoot!.querySelector('.warning'), 'memory-mode banner');
    expect(banner.textContent).not.to.contain('Export');
    expect(app.shadowRoot!.querySelector('footer.storage')).to.equal(null);
    store.close();
  });
});
