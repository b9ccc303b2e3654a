import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toAif } from '../../src/exchange/formats/aif.ts';
import { toArgdown } from '../../src/exchange/formats/argdown.ts';
import { bibValue, toBibtex, toCslJson } from '../../src/exchange/formats/citations.ts';
import { claimsCsv, csvField, linksCsv } from '../../src/exchange/formats/csv.ts';
import { markdownReport } from '../../src/exchange/formats/markdown-report.ts';
import { mdInline, mdQuote } from '../../src/exchange/formats/markdown-text.ts';
import { exportData, seminarMap } from './exchange-fixtures.ts';

/**
 * Golden files: the formats' output for the small seminar map, read and checked by hand when
 * written. `UPDATE_GOLDEN=1 npx vitest run test/node/exchange-formats.test.ts` rewrites them;
 * the diff is then reviewed like code.
 */
function golden(name: string, actual: string) {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('export formats: golden files', () => {
  it('AIF, Argdown, CSV, Markdown, BibTeX and CSL-JSON of the seminar map', async () => {
    const { store, docs } = await seminarMap();
    const data = exportData(store, docs);
    golden('map.aif.json', JSON.stringify(toAif(data), null, 2) + '\n');
    golden('map.argdown', toArgdown(data));
    golden('claims.csv', claimsCsv(data));
    golden('links.csv', linksCsv(data));
    golden('report.md', markdownReport(data));
    golden('sources.bib', toBibtex(docs.map((d) => d.meta)));
    golden('sources.csl.json', JSON.stringify(toCslJson(docs.map((d) => d.meta)), null, 2) + '\n');
  });
});

describe('AIF', () => {
  it('is a well-formed AIF graph: every edge joins known nodes, I-nodes meet only through RA/CA nodes', async () => {
    const { store, docs, labelled, collapse } = await seminarMap();
    const aif = toAif(exportData(store, docs));
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));
    expect(byId.size).toBe(aif.nodes.length);
    for (const e of aif.edges) {
      const [from, to] = [byId.get(e.fromID), byId.get(e.toID)];
      expect(from && to).toBeTruthy();
      expect(from!.type === 'I' && to!.type === 'I').toBe(false);
    }
    for (const s of aif.nodes.filter((n) => n.type !== 'I')) {
      expect(aif.edges.filter((e) => e.toID === s.nodeID)).toHaveLength(1);
      expect(aif.edges.filter((e) => e.fromID === s.nodeID)).toHaveLength(1);
    }
    expect(aif.nodes.filter((n) => n.type === 'I')).toHaveLength(3);
    // contradicts: a conflict each way; supports: an RA; qualifies: an RA marked as such
    const ca = aif.nodes.filter((n) => n.type === 'CA');
    expect(ca).toHaveLength(2);
    const ends = ca.map((n) => [aif.edges.find((e) => e.toID === n.nodeID)!.fromID, aif.edges.find((e) => e.fromID === n.nodeID)!.toID].map((id) => byId.get(id)!['crossread:id']));
    expect(ends).toEqual(expect.arrayContaining([[labelled.claim.id, collapse.claim.id], [collapse.claim.id, labelled.claim.id]]));
    expect(aif.nodes.filter((n) => n.type === 'RA').map((n) => n['crossread:relation']).sort()).toEqual(['qualifies', 'supports']);
  });
});

describe('text escaping', () => {
  it('CSV quotes what needs it and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField(undefined)).toBe('');
  });

  it('Markdown text never becomes markup', () => {
    expect(mdInline('<img src=x onerror=alert(1)> *b* [l](u) # h')).toBe('\\<img src=x onerror=alert(1)\\> \\*b\\* \\[l\\](u) \\# h');
    expect(mdInline('- item')).toBe('\\- item');
    expect(mdInline('1. first')).toBe('1\\. first');
    expect(mdInline('&amp; & co')).toBe('\\&amp; & co');
    expect(mdQuote('one\n\ntwo')).toBe('> one\n>\n> two');
  });

  it('BibTeX escapes TeX specials', () => {
    expect(bibValue('50% of $5 & #1_a {x} ~ ^ \\')).toBe('{50\\% of \\$5 \\& \\#1\\_a \\{x\\} \\~{} \\^{} \\textbackslash{}}');
  });
});
