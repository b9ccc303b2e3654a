import { expect } from '@open-wc/testing';
import { openApp, until, deep } from '../helpers.ts';
import type { CrReader } from '../../../src/components/reader/cr-reader.ts';

/** Choose a file in the library's file input, as the file picker would. */
function choose(lib: Element, file: File) {
  const input = lib.shadowRoot!.querySelector('input[type=file]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

afterEach(() => document.querySelector('cr-app')?.remove());

describe('opening a file of your own', () => {
  it('renders a Markdown file through the same pipeline, with its HTML made inert', async () => {
    const app = await openApp('#/');
    const lib = await until(() => deep(app, 'cr-library'), 'library');
    (window as unknown as { pwned?: boolean }).pwned = false;
    const md = '# My notes\n\nA paragraph with <img src=x onerror="window.pwned=true"> and a [link](javascript:window.pwned=true).\n\n<script>window.pwned = true</script>\n\nSecond paragraph.';
    choose(lib, new File([md], 'My Notes.md', { type: 'text/markdown' }));
    const reader = await until(() => deep(app, 'cr-reader') as CrReader | null, 'reader', 20000).catch((e) => { throw new Error(e.message + ': ' + app.shadowRoot!.textContent); });
    await until(() => reader.doc?.meta.id === 'user-my-notes', 'user doc');
    expect(location.hash).to.equal('#/read/user-my-notes');
    const root = deep(reader, 'cr-document')!.shadowRoot!;
    await until(() => root.querySelector('[data-block]'), 'blocks');
    expect(root.querySelector('img, script')).to.equal(null);
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(root.querySelector('h1')!.textContent).to.equal('My notes');
    expect((window as unknown as { pwned?: boolean }).pwned).to.equal(false);
    // It is listed in the library for this tab.
    location.hash = '#/';
    const lib2 = await until(() => deep(app, 'cr-library'), 'library again');
    await until(() => lib2.shadowRoot!.querySelector('li[data-id="user-my-notes"]'), 'card for the file');
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
