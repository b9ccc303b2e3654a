import { describe, expect, it } from 'vitest';
import { placeAnnotations } from '../../src/annotate/anchored.ts';
import { importHypothesis } from '../../src/exchange/hypothesis/import.ts';
import { sameAddress } from '../../src/exchange/foreign.ts';
import { readHypothesis } from '../../src/exchange/hypothesis/read.ts';
import { noteOf, tagsOf } from '../../src/store/index.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { corpusDocs, docOf } from './exchange-fixtures.ts';

/** A row as Hypothesis's API returns it (fields it has that the import does not read included). */
function row(id: string, over: Record<string, unknown>, quote?: { exact: string; prefix?: string; suffix?: string; start?: number }) {
  const selector = quote
    ? [
        { type: 'RangeSelector', startContainer: '/main[1]/p[3]', startOffset: 0, endContainer: '/main[1]/p[3]', endOffset: 40 },
        { type: 'TextPositionSelector', start: quote.start ?? 5000, end: (quote.start ?? 5000) + quote.exact.length },
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      ]
    : undefined;
  return {
    id, created: '2024-03-01T10:00:00.000000+00:00', updated: '2024-03-01T10:00:00.000000+00:00',
    user: 'acct:ada@hypothes.is', user_info: { display_name: 'Ada L.' }, uri: '', text: '', tags: [], group: '__world__',
    permissions: { read: ['group:__world__'] }, links: { html: 'https://hypothes.is/a/' + id }, flagged: false, hidden: false,
    document: {}, target: [{ source: over.uri ?? '', ...(selector ? { selector } : {}) }], ...over,
  };
}

async function exportFile() {
  const docs = await corpusDocs();
  const rows = [
    // by address (http, no www, no trailing slash: the same page), whitespace differing from Crossread's text
    row('h-url', { uri: 'http://ponarseurasia.org/outsourcing-violence-provocateurs-and-power-struggles-in-kazakhstan-january-2022', text: 'Who drove the <b>bulldozers</b>?', tags: ['organised violence', 'almaty'] },
      { exact: 'Organized mobs used  bulldozers\nto break into banks', prefix: 'set on fire. ', suffix: ', set up makeshift' }),
    // by page title only; a footnote marker glued on as the journal's page shows it
    row('h-title', { uri: 'https://example.edu/reader/42', document: { title: ['Kazakhstan’s Middle Power Response to Terrorism | Insight Turkey'] }, text: 'ANSAs' },
      { exact: 'recognized virtually by all observers and researchers.1 Since the end of the last century', prefix: 'being ' }),
    // no address, no title: found where the quote anchors
    row('h-quote', { user: 'acct:bo@hypothes.is', user_info: {} }, { exact: 'tanks, soldiers and armoured vehicles were brought in' }),
    // a page note, a reply, another page, and a quote not in its source
    row('h-page', { uri: 'https://www.cejiss.org/from-almaty-to-minsk-when-does-the-collective-security-treaty-organization-intervene', text: 'Read for week 3' }),
    row('h-reply', { references: ['h-url'], text: 'Good question' }, { exact: 'Organized mobs used bulldozers' }),
    row('h-other', { uri: 'https://news.example.com/kazakhstan' }, { exact: 'Something said only on another page entirely' }),
    row('h-orphan', { uri: 'https://www.ponarseurasia.org/outsourcing-violence-provocateurs-and-power-struggles-in-kazakhstan-january-2022/' }, { exact: 'A sentence that this memo never contained at all, anywhere' }),
  ];
  return { docs, rows, text: JSON.stringify({ total: rows.length, rows }) };
}

describe('Hypothesis import', () => {
  it('matches addresses however they are written', () => {
    expect(sameAddress('http://ponarseurasia.org/a-b/', 'https://www.ponarseurasia.org/a-b')).toBe(true);
    expect(sameAddress('https://x.org/a?utm=1#top', 'https://x.org/a')).toBe(true);
    expect(sameAddress('https://x.org/a', 'https://x.org/b')).toBe(false);
    expect(sameAddress('', 'https://x.org/')).toBe(false);
  });

  it('anchors rows through the normal anchoring, matched by address, title or quote, and reports everything else', async () => {
    const { docs, text } = await exportFile();
    const r = readHypothesis(text, docs);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { report, batch } = r;
    expect(report.placed).toBe(3);
    expect(report.pageNotes).toBe(1);
    expect(report.replies).toBe(1);
    expect(report.otherPages).toEqual([{ uri: 'https://news.example.com/kazakhstan', rows: 1 }]);
    expect(report.orphans).toEqual([{ id: 'h-orphan', source: 'duvanova-junisbai-2022', quote: 'A sentence that this memo never contained at all, anywhere' }]);
    expect(report.authors.map((a) => [a.name, a.rows])).toEqual([['Ada L.', 2], ['bo', 1]]);
    const placed = batch.put!.map((p) => p.record as import('../../src/store/index.ts').Annotation);
    const bySource = new Map(placed.map((a) => [a.target.source, a]));
    expect([...bySource.keys()].sort()).toEqual(['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018']);
    // each passage is Crossread's own text at the place the quote names
    const dj = bySource.get('duvanova-junisbai-2022')!;
    expect(dj.target.selector[0].exact).toBe('Organized mobs used bulldozers to break into banks');
    expect(noteOf(dj)).toBe('Who drove the <b>bulldozers</b>?');
    expect(tagsOf(dj)).toEqual(['organised violence', 'almaty']);
    expect(dj.creator.name).toBe('Ada L.');
    const ku = bySource.get('kurmashev-et-al-2018')!;
    expect(ku.target.selector[0].exact).toMatch(/^recognized virtually by all observers and researchers\.\s+Since the end of the last century$/);
    for (const a of placed) {
      const doc = docOf(docs, a.target.source);
      expect(placeAnnotations(doc, [a]).placed).toHaveLength(1);
    }
  });

  it('imports all or nothing through the door; the same file again changes nothing; a newer export updates', async () => {
    const { docs, rows } = await exportFile();
    const { store } = await makeStore();
    const first = await importHypothesis(store, JSON.stringify({ rows }), docs);
    expect(first.ok && first.result.summary).toMatchObject({ added: 3, conflicts: 0 });
    // Each author is a student's layer, named, in the import's step.
    const authors = first.ok ? first.report.authors : [];
    expect(store.layers().filter((l) => !l.local).map((l) => [l.id, l.name, l.role])).toEqual(
      authors.map((a) => [a.layer, a.name, 'student']).sort((x, y) => x[1]!.localeCompare(y[1]!)),
    );
    const before = snapshot(store);
    const again = await importHypothesis(store, JSON.stringify({ rows }), docs);
    expect(again.ok && again.result.summary).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(snapshot(store)).toEqual(before);
    const edited = rows.map((r) => (r.id === 'h-url' ? { ...r, text: 'Edited on Hypothesis', updated: '2024-04-01T09:00:00+00:00' } : r));
    const newer = await importHypothesis(store, JSON.stringify({ rows: edited }), docs);
    expect(newer.ok && newer.result.summary).toMatchObject({ updated: 1, unchanged: 2 });
    expect([...store.annotations.values()].some((a) => noteOf(a) === 'Edited on Hypothesis')).toBe(true);
    if (newer.ok) await newer.result.undo();
  });

  it('refuses what is not a Hypothesis export, with the reason', async () => {
    const docs = await corpusDocs();
    const problem = (t: string) => {
      const r = readHypothesis(t, docs);
      return r.ok ? '' : r.problem;
    };
    expect(problem('{"rows": ')).toMatch(/not JSON/);
    expect(problem('{"format":"crossread-map"}')).toMatch(/not a Hypothesis export/);
    expect(problem('['.repeat(5000))).toMatch(/nests too deeply/);
    const r = readHypothesis(JSON.stringify({ rows: [{ nope: 1 }, row('ok', {}, { exact: 'tanks, soldiers and armoured vehicles were brought in' })] }), docs);
    expect(r.ok && r.report.invalid.map((i) => i.index)).toEqual([0]);
    expect(r.ok && r.report.placed).toBe(1);
  });
});
