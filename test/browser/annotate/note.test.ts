import { expect } from '@open-wc/testing';
import type { CrNote } from '../../../src/components/annotate/cr-note.ts';
import '../../../src/components/annotate/cr-note.ts';
import { until } from '../helpers.ts';

afterEach(() => document.querySelectorAll('cr-note').forEach((n) => n.remove()));

const mountNote = async (text: string): Promise<CrNote> => {
  const note = document.createElement('cr-note');
  note.text = text;
  document.body.append(note);
  await note.updateComplete;
  return note;
};

describe('cr-note', () => {
  it('once the Markdown pipeline is there, a note is formatted at its first render and at each edit, not shown as Markdown first', async () => {
    const first = await mountNote('*loading*');
    await until(() => first.shadowRoot!.querySelector('em'), 'the pipeline loaded');
    const note = await mountNote('A **new** note');
    // Its first render: formatted already.
    expect(note.shadowRoot!.querySelector('.plain')).to.equal(null);
    expect(note.shadowRoot!.querySelector('strong')!.textContent).to.equal('new');
    note.text = 'Edited: `code`';
    await note.updateComplete;
    expect(note.shadowRoot!.querySelector('code')!.textContent).to.equal('code');
  });

  it('renders markup in a note inert, as text', async () => {
    const note = await mountNote('<img src=x onerror="window.__noteXss = 1"> <script>window.__noteXss = 2</script> text');
    await until(() => note.shadowRoot!.querySelector('p'), 'formatted');
    expect(note.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { __noteXss?: number }).__noteXss).to.equal(undefined);
  });
});
