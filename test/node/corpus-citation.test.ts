import { describe, expect, it } from 'vitest';
import * as citation from '../../src/corpus/citation.ts';
import { citeOf, fullCitation, inlineCitation, venueLine } from '../../src/corpus/citation.ts';
import type { DocMeta } from '../../src/corpus/types.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

const meta = (over: Partial<DocMeta>): DocMeta => ({
  id: 'x', title: 'A Title', authors: ['Ada Lovelace'], venue: 'Venue', year: 2020, kind: 'article', cite: 'Lovelace 2020',
  wordCount: 1, readingMinutes: 1, ...over,
});

describe('corpus/citation', () => {
  it('exports its public API', () => {
    expect(Object.keys(citation).sort()).toEqual(['citeLabel', 'citeOf', 'fullCitation', 'inlineCitation', 'venueLine']);
  });

  it('writes the full reference with one closing mark after the title', () => {
    expect(fullCitation(meta({}))).toBe('Lovelace, Ada. 2020. \u201cA Title.\u201d Venue.');
    expect(fullCitation(meta({ title: 'Does It Intervene?' }))).toBe('Lovelace, Ada. 2020. \u201cDoes It Intervene?\u201d Venue.');
    expect(fullCitation(meta({ title: 'Stop!' }))).toContain('\u201cStop!\u201d');
    expect(fullCitation(meta({ title: 'Ends with a period.' }))).toContain('\u201cEnds with a period.\u201d');
    expect(fullCitation(meta({ title: 'Who said \u201cwhy?\u201d' }))).toContain('\u201cWho said \u201cwhy?\u201d\u201d');
    expect(fullCitation(meta({ venue: 'Memo No. 781' }))).toMatch(/Memo No\. 781\.$/);
    expect(fullCitation(meta({ venue: 'Journal (J.)' }))).toMatch(/Journal \(J\.\)$/);
    expect(fullCitation(meta({ venue: '' }))).toBe('Lovelace, Ada. 2020. \u201cA Title.\u201d');
  });

  it('says where and when a text appeared, without a stray comma where the venue is not known', () => {
    expect(venueLine(meta({ date: '2022-01-14', venue: 'PONARS Eurasia Policy Memo No. 781' }))).toBe('PONARS Eurasia Policy Memo No. 781, published 2022-01-14');
    expect(venueLine(meta({}))).toBe('Venue, 2020');
    // A source of the reader's own has no venue.
    expect(venueLine(meta({ venue: '' }))).toBe('2020');
    expect(venueLine(meta({ venue: '', year: undefined, date: '2022-01-14' }))).toBe('Published 2022-01-14');
    expect(venueLine(meta({ venue: '', year: undefined }))).toBe('');
  });

  it('names two, three and no authors', () => {
    expect(fullCitation(meta({ authors: ['Dinissa Duvanova', 'Barbara Junisbai'] }))).toMatch(/^Duvanova, Dinissa, and Barbara Junisbai\. 2020\./);
    expect(fullCitation(meta({ authors: ['A B', 'C D', 'E F'] }))).toMatch(/^B, A, C D, and E F\./);
    expect(fullCitation(meta({ authors: [], year: undefined }))).toBe('Anon. n.d. \u201cA Title.\u201d Venue.');
  });

  it('cites Anisin 2026 without doubling the question mark’s period', async () => {
    const anisin = (await loadCorpus()).find((d) => d.meta.id === 'anisin-2026')!;
    expect(fullCitation(anisin.meta)).toContain('Intervene?\u201d');
    expect(fullCitation(anisin.meta)).not.toContain('?.');
  });

  it('cites a passage inline by ¶ or ¶ range', () => {
    expect(inlineCitation({ cite: 'Anisin 2026' }, 3)).toBe('(Anisin 2026, \u00b63)');
    expect(inlineCitation({ cite: 'Anisin 2026' }, 3, 5)).toBe('(Anisin 2026, \u00b63\u20135)');
    expect(inlineCitation({ cite: 'Anisin 2026' }, 5, 5)).toBe('(Anisin 2026, \u00b65)');
  });

  it('looks up a source’s short citation by id, falling back to the id', () => {
    const entries = [{ id: 'a', cite: 'Anisin 2026' }, { id: 'd', cite: 'Duvanova & Junisbai 2022' }];
    expect(citeOf(entries, 'd')).toBe('Duvanova & Junisbai 2022');
    expect(citeOf(entries, 'user-file')).toBe('user-file');
    expect(citeOf([], 'a')).toBe('a');
  });
});
