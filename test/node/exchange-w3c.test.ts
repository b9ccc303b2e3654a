import { describe, expect, it } from 'vitest';
import { importRead } from '../../src/exchange/import-foreign.ts';
import { toW3cCollection } from '../../src/exchange/w3c/export.ts';
import { readW3c } from '../../src/exchange/w3c/read.ts';
import { noteOf, tagsOf, type Annotation } from '../../src/store/index.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { corpusDocs, seminarMap } from './exchange-fixtures.ts';

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection of W3C annotations naming sources by their publishers\u2019 addresses', async () => {
    const { store, docs } = await seminarMap();
    const c = toW3cCollection([...store.annotations.values()], docs, 'urn:uuid:00000000-0000-4000-8000-0000000000ff', 'Seminar');
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.total).toBe(3);
    for (const a of c.first.items) {
      expect(a).toMatchObject({ type: 'Annotation', motivation: expect.any(String) as unknown, created: expect.any(String) as unknown });
      expect(a.target.source).toMatch(/^https:\/\/www\.(ponarseurasia|cejiss|insightturkey)\.(org|com)\//);
      expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      // every key is a W3C term or a crossread: term the context defines
      for (const k of Object.keys(a)) expect(['id', 'type', 'motivation', 'created', 'modified', 'creator', 'body', 'target', 'crossread:layer', 'crossread:version']).toContain(k);
    }
  });

  it('round-trips: export → import into an empty profile gives the same records, versions included', async () => {
    const { store, docs } = await seminarMap();
    const text = JSON.stringify(toW3cCollection([...store.annotations.values()], docs, 'urn:uuid:00000000-0000-4000-8000-0000000000ff', 'Seminar'));
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importRead(other, readW3c(text, docs));
    expect(r.ok && r.report.restored).toBe(3);
    expect(r.ok && r.result.summary).toMatchObject({ added: 3, conflicts: 0 });
    expect(snapshot(other).annotations).toEqual(snapshot(store).annotations);
    expect([...other.annotations.values()].map((a) => a.version)).toEqual([...store.annotations.values()].map((a) => a.version));
    const again = await importRead(other, readW3c(text, docs));
    expect(again.ok && again.result.summary).toMatchObject({ added: 0, unchanged: 3 });
  });

  it('places annotations from another W3C client by address and quote, keeping note, tags and author', async () => {
    const docs = await corpusDocs();
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://annotations.example.org/anno/1', type: 'Annotation', created: '2023-05-01T12:00:00Z',
          creator: { id: 'https://example.org/people/mk', type: 'Person', name: 'M. K.' },
          body: [{ type: 'TextualBody', value: 'Key claim', purpose: 'commenting' }, { type: 'TextualBody', value: 'titushky', purpose: 'tagging' }],
          target: { source: 'https://ponarseurasia.org/outsourcing-violence-provocateurs-and-power-struggles-in-kazakhstan-january-2022', selector: { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[13]' }, refinedBy: { type: 'TextQuoteSelector', exact: 'a new term, titushky, was coined' } } },
        },
        { id: 'https://annotations.example.org/anno/2', type: 'Annotation', bodyValue: 'A page note', target: 'https://www.cejiss.org/from-almaty-to-minsk-when-does-the-collective-security-treaty-organization-intervene' },
        { id: 'https://annotations.example.org/anno/3', type: 'Annotation', target: { source: 'https://elsewhere.example/x', selector: { type: 'TextQuoteSelector', exact: 'words found in none of the three readings at all' } } },
      ],
    };
    const r = readW3c(JSON.stringify(foreign), docs);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({ placed: 1, pageNotes: 1, otherPages: [{ uri: 'https://elsewhere.example/x', rows: 1 }] });
    const a = r.batch.put![0]!.record as Annotation;
    expect(a.target.source).toBe('duvanova-junisbai-2022');
    expect(a.target.selector[0].exact).toBe('a new term, titushky, was coined');
    expect(noteOf(a)).toBe('Key claim');
    expect(tagsOf(a)).toEqual(['titushky']);
    expect(a.creator.name).toBe('M. K.');
  });

  it('refuses files that hold no annotations, with the reason', async () => {
    const docs = await corpusDocs();
    const problem = (t: string) => {
      const r = readW3c(t, docs);
      return r.ok ? '' : r.problem;
    };
    expect(problem('{')).toMatch(/not JSON/);
    expect(problem('{"type":"Person"}')).toMatch(/not a W3C Web Annotation file/);
  });
});
