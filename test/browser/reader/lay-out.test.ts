import { expect } from '@open-wc/testing';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import { layOut } from '../../../src/components/reader/lay-out.ts';
import { TextMap } from '../../../src/reader/text-map.ts';
import '../../../src/components/reader/cr-document.ts';

// Laying out in steps (ADR 0010): the pieces join into the model's text, block by block, with
// or without parts, and a document replaced mid-layout leaves nothing of itself behind.
const client = new CorpusClient('/corpus/build/');

afterEach(() => document.querySelector('cr-document')?.remove());

describe('laying out a text in steps', () => {
  for (const parts of [false, true]) {
    it(`joins the pieces into the model's text${parts ? ', in parts' : ''}`, async () => {
      const doc = await client.document('anisin-2026');
      const article = document.createElement('article');
      const seen: number[] = [];
      const laid = (await layOut(article, doc, parts, (f) => seen.push(f), new AbortController().signal))!;
      const map = new TextMap(article, doc.blocks, { elements: laid.elements });
      for (const b of doc.blocks) expect(map.textNodes(map.element(b.id)!).map((t) => t.data).join(''), b.id).to.equal(doc.text.slice(b.start, b.end));
      expect(article.querySelectorAll('a.pnum').length).to.equal(doc.blocks.filter((b) => b.numbered).length);
      expect([...article.children].every((c) => c.classList.contains('part'))).to.equal(parts);
      expect(seen.every((f, i) => f > 0 && f < 1 && (i === 0 || f > seen[i - 1]!)), 'progress rises').to.equal(true);
    });
  }

  it('stops when aborted, and a document replaced mid-layout leaves only the new one', async () => {
    const [long, short] = await Promise.all([client.document('anisin-2026'), client.document('duvanova-junisbai-2022')]);
    const stop = new AbortController();
    const pending = layOut(document.createElement('article'), long, false, () => undefined, stop.signal);
    stop.abort();
    expect(await pending).to.equal(undefined);

    const el = document.createElement('cr-document');
    el.doc = long;
    document.body.append(el);
    await new Promise((r) => requestAnimationFrame(r));
    el.doc = short;
    await el.updateComplete;
    const article = el.shadowRoot!.querySelector('article')!;
    const ids = [...article.querySelectorAll('[data-block]')].map((b) => b.getAttribute('data-block'));
    expect(ids).to.deep.equal(short.blocks.map((b) => b.id));
    expect(el.textMap!.element(short.blocks[0]!.id)).to.equal(article.querySelector('[data-block]'));
  });
});
