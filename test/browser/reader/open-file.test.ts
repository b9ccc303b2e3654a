import { expect } from '@open-wc/testing';
import { chooseFile as choose, openApp, until, deep, makeStore } from '../helpers.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';
import type { CrTextChanged } from '../../../src/components/annotate/cr-text-changed.ts';

afterEach(() => document.querySelector('cr-app')?.remove());

describe('opening a file of your own', () => {
  it('renders a Markdown file through the same pipeline, with its HTML made inert', async () => {
    const app = await openApp('#/');
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    (window as unknown as { pwned?: boolean }).pwned = false;
    const md = '# My notes\n\nA paragraph with <img src=x onerror="window.pwned=true"> and a [link](javascript:window.pwned=true).\n\n<script>window.pwned = true</script>\n\nSecond paragraph.';
    choose(lib, new File([md], 'My Notes.md', { type: 'text/markdown' }));
    const reader = await until(() => deep(app, 'cr-reader') as CrReader | null, 'reader', 20000).catch((e: Error) => { throw new Error(e.message + ': ' + app.shadowRoot!.textContent); });
    await until(() => reader.doc?.meta.id.startsWith('user-my-notes-'), 'user doc');
    const id = reader.doc!.meta.id;
    expect(id).to.match(/^user-my-notes-[0-9a-z]{10}$/);
    expect(location.hash).to.equal(`#/read/${id}`);
    const root = deep(reader, 'cr-document')!.shadowRoot!;
    await until(() => root.querySelector('[data-block]'), 'blocks');
    expect(root.querySelector('img, script')).to.equal(null);
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(root.querySelector('h1')!.textContent).to.equal('My notes');
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    // It is listed in the library for this tab.
    location.hash = '#/';
    const lib2 = await until(() => deep(app, 'cr-library'), 'library again');
    await until(() => lib2.shadowRoot!.querySelector(`li[data-id="${id}"]`), 'card for the file');
  });

  it('keys a file by its content: another file with the same name does not inherit its annotations', async () => {
    const store = await makeStore();
    const app = await openApp('#/', store);
    const open = async (text: string) => {
      const lib = await until(() => deep(app, 'cr-library'), 'library');
      const before = location.hash;
      choose(lib, new File([text], 'Seminar notes.md', { type: 'text/markdown' }));
      await until(() => location.hash !== before && location.hash.startsWith('#/read/user-seminar-notes-'), 'opened');
      const reader = await until(() => { const r = deep(app, 'cr-reader') as CrReader | null; return r?.doc?.meta.id === location.hash.slice(7) ? r : null; }, 'reader on the file', 20000);
      return reader;
    };
    const first = await open('# Week 1\n\nThe security forces were stood down on purpose.');
    const firstId = first.doc!.meta.id;
    const p = first.doc!.blocks.find((b) => b.kind === 'paragraph')!;
    await store.createAnnotation({ target: targetFor(first.doc!, p.start, p.end), note: 'mine' });
    await until(() => first.annotations.placed.length === 1, 'annotation shown on the first file');
    location.hash = '#/';
    const second = await open('# Week 1\n\nThe security forces collapsed.');
    expect(second.doc!.meta.id).not.to.equal(firstId);
    await second.updateComplete;
    expect(second.annotations.placed).to.have.length(0);
    expect(second.annotations.orphans).to.have.length(0);
    // An edited file is another source: nothing of the first file's text changed, so no notice.
    const told = async (r: CrReader) => {
      const notice = await until(() => deep(r, 'cr-text-changed') as CrTextChanged | null, 'notice element');
      await notice.updateComplete;
      return notice.counts;
    };
    expect(await told(second)).to.equal(undefined);
    // The same file again is the same source: its annotation is back, and the library lists it once.
    location.hash = '#/';
    const again = await open('# Week 1\n\nThe security forces were stood down on purpose.');
    expect(again.doc!.meta.id).to.equal(firstId);
    await until(() => again.annotations.placed.length === 1, 'annotation back');
    expect(await told(again)).to.equal(undefined);
    expect(store.textChangeSeen(firstId)).to.equal(undefined);
    location.hash = '#/';
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    await until(() => lib.shadowRoot!.querySelectorAll('li[data-id^="user-seminar-notes-"]').length === 2, 'two files listed');
    store.close();
  });

  it('refuses a file it cannot read, with a clear message', async () => {
    const app = await openApp('#/');
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    choose(lib, new File(['%PDF-1.4'], 'paper.pdf', { type: 'application/pdf' }));
    const toast = await until(() => app.shadowRoot!.querySelector('.toast'), 'error message');
    expect(toast.textContent).to.contain('“paper.pdf” is not a Markdown (.md) or plain-text (.txt) file.');
    expect(location.hash).to.equal('#/');
  });
});
