import { expect } from '@open-wc/testing';
import type { DocModel } from '../../../src/corpus/types.ts';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import { buildDocument } from '../../../src/corpus/index.ts';
import { TextMap } from '../../../src/reader/text-map.ts';
import '../../../src/components/reader/cr-document.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';

const IDS = ['duvanova-junisbai-2022', 'kurmashev-et-al-2018', 'anisin-2026'];
const client = new CorpusClient('/corpus/build/');

async function mount(doc: DocModel): Promise<CrDocument> {
  document.querySelector('cr-document')?.remove();
  const el = document.createElement('cr-document');
  el.doc = doc;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

// A seeded generator keeps the random offsets reproducible.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('text map: DOM ranges ↔ plain-text offsets', () => {
  for (const id of IDS) {
    it(`${id}: the rendered DOM has exactly the model's text, block by block`, async () => {
      const doc = await client.document(id);
      const el = await mount(doc);
      const map = el.textMap!;
      for (const b of doc.blocks) {
        const dom = map.textNodes(map.element(b.id)!).map((t) => t.data).join('');
        expect(dom, b.id).to.equal(doc.text.slice(b.start, b.end));
      }
    });

    it(`${id}: offsets → range → offsets round-trips, across blocks and cells`, async () => {
      const doc = await client.document(id);
      const el = await mount(doc);
      const map = el.textMap!;
      const live = new TextMap(el.shadowRoot!.querySelector('article')!, doc.blocks, { live: true });
      const rand = rng(IDS.indexOf(id) + 7);
      for (let i = 0; i < 300; i++) {
        const b1 = doc.blocks[Math.floor(rand() * doc.blocks.length)]!;
        const b2 = doc.blocks[Math.min(doc.blocks.length - 1, doc.blocks.indexOf(b1) + Math.floor(rand() * 3))]!;
        const start = b1.start + Math.floor(rand() * (b1.end - b1.start));
        // An end exactly at a later block's start is the same place as the previous block's end
        // (only the separator lies between); the map reports the latter, so draw past it.
        const end = Math.max(start + 1, b2.start + (b2 === b1 ? 0 : 1) + Math.floor(rand() * (b2.end - b2.start)));
        const range = map.offsetsToRange(start, end)!;
        expect(map.rangeToOffsets(range), `${start}-${end}`).to.deep.equal({ start, end });
        const fresh = live.offsetsToRange(start, end)!; // the cached runs agree with a fresh walk
        expect([fresh.startContainer, fresh.startOffset, fresh.endContainer, fresh.endOffset]).to.deep.equal([range.startContainer, range.startOffset, range.endContainer, range.endOffset]);
        if (b1 === b2) {
          const frag = range.cloneContents(); // what the range shows, minus apparatus
          frag.querySelectorAll('[data-nontext]').forEach((n) => n.remove());
          expect(frag.textContent).to.equal(doc.text.slice(start, end));
        }
      }
    });
  }

  it('maps a selection that starts on a margin number or a footnote marker to the text beside it', async () => {
    const doc = await client.document('kurmashev-et-al-2018');
    const el = await mount(doc);
    const root = el.shadowRoot!;
    const map = el.textMap!;
    const sup = root.querySelector('sup.fn')!;
    const block = doc.blocks.find((b) => b.id === sup.closest('[data-block]')!.getAttribute('data-block'))!;
    const r = document.createRange();
    r.setStart(sup.firstChild!, 0);
    r.setEnd(sup.firstChild!, 1);
    const span = map.rangeToOffsets(r)!;
    expect(span.start).to.equal(span.end);
    expect(doc.text.slice(block.start, span.start)).to.match(/researchers\.$/);

    const pnum = root.querySelector('a.pnum')!;
    const r2 = document.createRange();
    r2.setStart(pnum.firstChild!, 0);
    r2.setEnd(pnum.parentElement!.lastChild!, 0);
    const first = doc.blocks.find((b) => b.numbered && b.n === Number(pnum.textContent))!;
    expect(map.rangeToOffsets(r2)!.start).to.equal(first.start);
  });
});

describe('the same pipeline in the browser', () => {
  it('builds the same document model from the Markdown as the prerendered corpus', async () => {
    for (const id of IDS) {
      const md = await (await fetch(`/corpus/${id}.md`)).text();
      const built = buildDocument(md, { fileName: `${id}.md` });
      expect(JSON.parse(JSON.stringify(built))).to.deep.equal(await client.document(id));
    }
  });
});
