import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overviewCsv, overviewMarkdown } from '../../src/exchange/formats/class-overview.ts';
import { placeAnnotations } from '../../src/annotate/anchored.ts';
import { paragraphAt } from '../../src/corpus/paragraphs.ts';
import * as overview from '../../src/map/overview/overview.ts';
import { classOverview, classRoles, heatByParagraph, heatOf, sameEvidence, sharedClaims } from '../../src/map/overview/overview.ts';
import { jaccard, NEAR_IDENTICAL, statementTerms } from '../../src/search/similar.ts';
import type { Claim, LayerView } from '../../src/store/index.ts';
import type { EvidenceSpan, SharedGroup } from '../../src/map/overview/overview.ts';
import { rng } from '../shared/rng.ts';
import { Q, seminarClass } from './overview-fixtures.ts';

const paragraphOf = (doc: Awaited<ReturnType<typeof seminarClass>>['dj'], quote: string) => paragraphAt(doc.blocks, doc.text.indexOf(quote))!;

describe('class overview', () => {
  it('exports', () => {
    expect(Object.keys(overview).sort()).toEqual(
      ['OVERLAP_SHARE', 'QUOTE_CHARS', 'classOverview', 'classRoles', 'disagreeingLinks', 'heatByParagraph', 'heatOf', 'sameEvidence', 'sharedClaims'].sort(),
    );
  });

  it('counts each student once per ¶, however many of their passages overlap there, and never the instructor', async () => {
    const { input, dj, layers } = await seminarClass();
    const o = classOverview(input);
    expect(o.instructor?.id).toBe(layers.teacher);
    expect(o.students.map((s) => s.name)).toEqual(['Ann', 'Ben']);
    const stood = o.passages.find((p) => p.paragraph === paragraphOf(dj, Q.stood))!;
    // Ann marked this ¶ twice (a part, then the whole sentence); Ben once.
    expect(stood.layers).toEqual([layers.ann, layers.ben]);
    expect(stood.quote).toBe(Q.stood); // the stretch both marked
    expect(stood.cite).toBe('Duvanova & Junisbai 2022');
    const label = o.passages.find((p) => p.paragraph === paragraphOf(dj, Q.label))!;
    expect(label.layers).toEqual([layers.ben]);
    // Most students first; all ¶s of one count in reading order.
    const counts = o.passages.map((p) => p.layers.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(o.passages.every((p) => !p.layers.includes(layers.teacher))).toBe(true);
  });

  it('takes the quote from where most students overlap, cut at a word', async () => {
    const { dj } = await seminarClass();
    const start = dj.text.indexOf(Q.stood);
    const part = dj.text.indexOf(Q.stoodPart);
    const mk = (layer: string, s: number, e: number) => ({ annotation: { layer } as never, start: s, end: e, method: 'position' as const });
    // Ann the whole sentence, Ben and Cleo the part inside it: the part is the hottest stretch.
    const heat = heatOf(dj, [mk('a', start, start + Q.stood.length), mk('b', part, part + Q.stoodPart.length), mk('c', part, part + Q.stoodPart.length), mk('x', start, start + 5)], new Set(['a', 'b', 'c']));
    expect(heat).toHaveLength(1);
    expect(heat[0]!.quote).toBe(Q.stoodPart);
    expect(heatByParagraph(heat)).toEqual(new Map([[heat[0]!.paragraph, 3]]));
    // A passage running over a whole long stretch is cut to a readable quote.
    const long = heatOf(dj, [mk('a', 0, 3000)], new Set(['a']));
    expect(long.length).toBeGreaterThan(1);
    for (const h of long) expect(h.quote.length).toBeLessThanOrEqual(281);
  });

  it('groups claims of different layers that share evidence or near-identical wording', async () => {
    const { input, claims: c } = await seminarClass();
    const o = classOverview(input);
    const ids = (g: { claims: Array<{ id: string }> }) => g.claims.map((x) => x.id).sort();
    const sorted = (...xs: Array<{ claim: { id: string } }>) => xs.map((x) => x.claim.id).sort();
    expect(o.shared.map(ids)).toEqual([
      sorted(c.iStood, c.aStood, c.bStood),
      sorted(c.iDisloyal, c.aDisloyal, c.bDisloyal),
      sorted(c.iLabel, c.aLabel, c.bLabel),
    ]);
    expect(o.shared.map((g) => g.reasons)).toEqual([['evidence', 'wording'], ['evidence'], ['evidence', 'wording']]);
    expect(o.shared.every((g) => g.layers.length === 3)).toBe(true);
  });

  it('shares no evidence across stances, sources or passages that barely touch', () => {
    const span = (start: number, end: number, quote = `q${start}`, source = 's', text = 'h') => ({ source, text, start, end, quote });
    expect(sameEvidence(span(0, 100), span(40, 60))).toBe(true); // a sentence of a marked ¶
    expect(sameEvidence(span(0, 100), span(95, 200))).toBe(false); // touching only
    expect(sameEvidence(span(0, 100, 'same'), span(500, 600, 'same'))).toBe(true); // same words, another text version
    expect(sameEvidence(span(0, 100), span(0, 100, 'q0', 't'))).toBe(false); // another source
    expect(sameEvidence(span(0, 100), span(0, 100, 'other', 's', 'h2'))).toBe(false); // positions in another text
    const claim = (id: string, layer: string, statement: string, stance: 'asserts' | 'argues-against') =>
      ({ id, layer, statement, created: id, evidence: [{ annotation: id, stance }] }) as never;
    const spans = new Map([['1', span(0, 100)], ['2', span(0, 100)], ['3', span(0, 100)]]);
    const groups = sharedClaims([claim('1', 'a', 'One thing', 'asserts'), claim('2', 'b', 'Another', 'argues-against'), claim('3', 'a', 'Third', 'asserts')], (id) => spans.get(id));
    expect(groups).toEqual([]); // against is not for; one layer alone shares nothing
  });

  it('finds near-identical statements with the one tokenizer, not paraphrases', () => {
    const alike = (a: string, b: string) => jaccard(statementTerms(a), statementTerms(b)) >= NEAR_IDENTICAL;
    expect(alike('The police units collapsed and armouries were looted', 'Police units collapsed; the armoury was looted')).toBe(true);
    expect(alike('Security forces stood down', 'Security forces collapsed')).toBe(false);
    expect(alike('The', 'the')).toBe(false); // no content words: nothing in common to say
  });

  it('names the links that read the instructor\u2019s pairs otherwise, also through shared claims and the other way round', async () => {
    const { input, links: l } = await seminarClass();
    const o = classOverview(input);
    expect(o.disagreements.map((d) => [d.instructor.id, d.student.id, d.reversed])).toEqual([
      [l.iSupports.id, l.aContradicts.id, false],
      [l.iContradicts.id, l.bSupportsLabel.id, true],
    ]);
  });

  it('takes the instructor from the layers\u2019 roles, else the reader\u2019s own; hidden layers are left out', () => {
    const view = (id: string, role: LayerView['role'], extra: Partial<LayerView> = {}): LayerView =>
      ({ id, name: id, role, colour: 1, hidden: false, local: false, counts: { annotations: 1, claims: 0, links: 0, events: 0 }, ...extra });
    const me = view('me', 'student', { local: true, counts: { annotations: 0, claims: 0, links: 0, events: 0 } });
    let r = classRoles([me, view('t', 'instructor'), view('a', 'student'), view('b', 'student', { hidden: true })]);
    expect([r.instructor?.id, r.students.map((s) => s.id)]).toEqual(['t', ['a']]); // an empty own layer is no student
    r = classRoles([{ ...me, counts: { ...me.counts, claims: 2 } }, view('t', 'instructor'), view('a', 'student')]);
    expect(r.students.map((s) => s.id)).toEqual(['me', 'a']); // a student reader compares too
    r = classRoles([me, view('a', 'student')]);
    expect([r.instructor?.id, r.students.map((s) => s.id)]).toEqual(['me', ['a']]);
  });

  it('places passages as the reader does (an edited-away passage counts in no ¶)', async () => {
    const { input, records, dj } = await seminarClass();
    const moved = { ...dj, text: dj.text.replace(Q.havoc, 'Something else entirely was said here.') };
    const o = classOverview({ ...input, docs: input.docs.map((d) => (d === dj ? moved : d)) });
    const havoc = records.annotations.find((a) => a.target.selector[0].exact === Q.havoc)!;
    expect(placeAnnotations(moved, [havoc]).orphans).toHaveLength(1);
    expect(o.passages.some((p) => p.quote.includes('wreak havoc'))).toBe(false);
  });
});

describe('class overview exports: golden files', () => {
  it('Markdown and CSV of the small class', async () => {
    const { input } = await seminarClass();
    const o = classOverview(input);
    golden('overview.md', overviewMarkdown(o));
    golden('overview.csv', overviewCsv(o));
  });

  it('keep student text inert: no markup from Markdown, no formula from CSV', async () => {
    const { input } = await seminarClass();
    const o = classOverview(input);
    expect(overviewMarkdown(o)).toContain('no sign of \\*disloyalty\\*');
    expect(overviewCsv(o)).toContain(",'=the stand-down made the label credible\r\n");
  });

  it('says so when there is nothing to compare', () => {
    const md = overviewMarkdown(classOverview({ layers: [], annotations: [], claims: [], links: [], docs: [] }));
    expect(md).toContain('0 students.');
    expect(md).toContain('No student marked a passage.');
  });
});

/** As in exchange-formats.test.ts: `UPDATE_GOLDEN=1` rewrites, the diff is reviewed like code. */
function golden(name: string, actual: string) {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('shared claims: the indexed search against every pair compared', () => {
  it('finds the same groups as comparing all pairs, on seeded random classes', () => {
    const words = 'security forces collapse police csto tokayev label terrorist repression abish stood down looted armoury'.split(' ');
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const spans = new Map<string, EvidenceSpan>();
      const claims = Array.from({ length: 60 }, (_, i) => {
        const start = Math.floor(r() * 400);
        const evidence = Array.from({ length: 1 + Math.floor(r() * 2) }, (_, k) => {
          const id = `a${i}-${k}`;
          spans.set(id, { source: pick(['s', 't']), text: pick(['h', 'h', 'old']), start, end: start + 10 + Math.floor(r() * 60), quote: pick(['x', 'y', `q${i}`]) });
          return { annotation: id, stance: pick(['asserts', 'mentions', 'argues-against'] as const) };
        });
        return { id: `c${i}`, layer: pick(['A', 'B', 'C', 'D']), created: String(i).padStart(3, '0'), statement: Array.from({ length: 3 + Math.floor(r() * 3) }, () => pick(words)).join(' '), evidence } as never;
      });
      const groups = (gs: SharedGroup[]) => gs.map((g) => `${g.claims.map((c) => c.id).sort().join(' ')}|${g.reasons.join()}`).sort();
      expect(groups(sharedClaims(claims, (id) => spans.get(id))), `seed ${seed}`).toEqual(groups(allPairs(claims, (id) => spans.get(id))));
    }
  });
});

// The oracle: every pair of claims of different layers compared by the definitions themselves.
function allPairs(claims: readonly Claim[], spanOf: (id: string) => EvidenceSpan | undefined): SharedGroup[] {
  const side = (s: string) => (s === 'argues-against' ? 0 : 1);
  const parent = claims.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const reasons: Array<[number, 'evidence' | 'wording']> = [];
  claims.forEach((a, i) => claims.forEach((b, j) => {
    if (j <= i || a.layer === b.layer) return;
    const evidence = a.evidence.some((x) => b.evidence.some((y) => side(x.stance) === side(y.stance) && sameEvidence(spanOf(x.annotation)!, spanOf(y.annotation)!)));
    const wording = jaccard(statementTerms(a.statement), statementTerms(b.statement)) >= NEAR_IDENTICAL;
    if (evidence) reasons.push([i, 'evidence']);
    if (wording) reasons.push([i, 'wording']);
    if (evidence || wording) parent[root(i)] = root(j);
  }));
  const byRoot = new Map<number, { claims: Claim[]; reasons: Set<'evidence' | 'wording'> }>();
  claims.forEach((c, i) => {
    const g = byRoot.get(root(i)) ?? { claims: [], reasons: new Set() };
    g.claims.push(c);
    byRoot.set(root(i), g);
  });
  for (const [i, why] of reasons) byRoot.get(root(i))!.reasons.add(why);
  return [...byRoot.values()]
    .filter((g) => new Set(g.claims.map((c) => c.layer)).size > 1)
    .map((g) => ({ claims: g.claims, layers: [], reasons: (['evidence', 'wording'] as const).filter((x) => g.reasons.has(x)) }));
}
