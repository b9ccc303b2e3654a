// Proves that each corpus/*.md keeps the raw transcription's words exactly (docs/corpus-format.md):
// raw minus the documented removals, after the documented normalisations, equals the body's words.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCorpusFile, footnoteMarkers } from './fidelity.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(repo, 'corpus');
const sourcesDir = resolve(repo, '../shared/sources');
const readRaw = (name: string): string => readFileSync(join(sourcesDir, name), 'utf8');

const EXPECTED = ['duvanova-junisbai-2022', 'kurmashev-et-al-2018', 'anisin-2026'] as const;
/** Footnote markers the transcription is known to carry (README: 001 has markers 1 to 42). */
const MARKERS: Partial<Record<string, number>> = { 'kurmashev-et-al-2018': 42 };

/** Title and authors per raw file, from the table in ../shared/sources/README.md. */
function readmeMeta(): Map<string, { title: string; authors: string[] }> {
  const out = new Map<string, { title: string; authors: string[] }>();
  const readme = join(sourcesDir, 'README.md');
  if (!existsSync(readme)) return out;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*"(.+)"\s*\|([^|]+)\|/.exec(line);
    if (m?.[1] && m[2] && m[3]) out.set(m[1], { title: m[2], authors: m[3].split(',').map((a) => a.trim()) });
  }
  return out;
}

const present = EXPECTED.filter((slug) => existsSync(join(corpusDir, `${slug}.md`)));

describe('corpus fidelity', () => {
  for (const slug of present) {
    describe(`${slug}.md`, () => {
      const md = readFileSync(join(corpusDir, `${slug}.md`), 'utf8');
      const result = checkCorpusFile(md, slug, sourcesDir, readRaw);

      it('keeps the raw words exactly (after the listed repairs) and follows the format', () => {
        expect(result.problems, `corpus/${slug}.md:\n${result.problems.join('\n')}`).toEqual([]);
      });

      it('agrees with the sources README on title and authors', () => {
        const meta = result.fm ? readmeMeta().get(result.fm.raw) : undefined;
        expect(meta, `${result.fm?.raw ?? '(no raw)'} not found in the README table`).toBeDefined();
        if (!result.fm || !meta) return;
        expect(result.fm.title).toBe(meta.title);
        expect(result.fm.authors).toEqual(meta.authors);
      });

      const expectedMarkers = MARKERS[slug];
      if (expectedMarkers !== undefined)
        it(`has footnote markers exactly 1..${expectedMarkers} in order`, () => {
          expect(footnoteMarkers(result.body)).toEqual(Array.from({ length: expectedMarkers }, (_, k) => k + 1));
        });
    });
  }

  // The real 001 file with one defect each: the check must fail on the actual document too.
  if (present.includes('kurmashev-et-al-2018'))
    describe('kurmashev-et-al-2018.md with a defect', () => {
      const md = readFileSync(join(corpusDir, 'kurmashev-et-al-2018.md'), 'utf8');
      const mutants: [string, string, string, RegExp][] = [
        ['a dropped word', 'to replenish their ranks', 'to replenish ranks', /corpus lacks raw word "their"/],
        ['marker 30 moved', 'for 2018-2022[^30] with', 'for 2018-2022 with[^30]', /footnote marker|number the corpus lacks/],
        ['a real hyphen joined', 'anti-terrorist commissions', 'antiterrorist commissions', /not a permutation/],
        ['a pull quote left in', 'This also raises the need', 'This also raises The core doctrine of Kazakh foreign policy the need', /corpus adds 7 words: "The core doctrine of Kazakh foreign policy"/],
      ];
      for (const [name, from, to, expected] of mutants)
        it(`fails on ${name}`, () => {
          expect(md.includes(from), `corpus lacks ${JSON.stringify(from)}`).toBe(true);
          const problems = checkCorpusFile(md.replace(from, to), 'kurmashev-et-al-2018', sourcesDir, readRaw).problems;
          expect(problems.join('\n')).toMatch(expected);
        });
      it('fails when two rows of Table 1 are swapped', () => {
        const lines = md.split('\n');
        const k = lines.findIndex((l) => l.startsWith('| Proximity of Kazakhstan'));
        expect(k).toBeGreaterThan(0);
        [lines[k], lines[k + 1]] = [lines[k + 1]!, lines[k]!];
        const problems = checkCorpusFile(lines.join('\n'), 'kurmashev-et-al-2018', sourcesDir, readRaw).problems;
        expect(problems.join('\n')).toMatch(/"Proximity of Kazakhstan.*out of the raw column-by-column order/);
      });
      it('fails when Table 2 has two cells swapped between columns', () => {
        const a = '| Joint efforts of the state and society to combat corruption | Insufficient effectiveness of awareness-raising work |';
        const b = '| Insufficient effectiveness of awareness-raising work | Joint efforts of the state and society to combat corruption |';
        expect(md.includes(a)).toBe(true);
        const problems = checkCorpusFile(md.replace(a, b), 'kurmashev-et-al-2018', sourcesDir, readRaw).problems;
        expect(problems.join('\n')).toMatch(/out of the raw column-by-column order/);
      });
    });

  it('has all three corpus files (fails until every file is written)', () => {
    const missing = EXPECTED.filter((slug) => !present.includes(slug));
    expect(missing, `missing corpus files: ${missing.join(', ')}`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The checker must be able to fail: small synthetic sources with one defect each.

const RAW = [
  'ABSTRACT Alpha beta gam-',
  'ma delta.1 HEADER 9',
  'Table 1: Things',
  'one two',
  'three',
  'four five',
  'six',
  'Left Right',
  'Source: x.',
  'also quoted',
  'End of inter-',
  'state text, also quoted.2 The <i>end</i>.',
  '',
].join('\n');

const FM = `---
id: fixture
title: "Fixture"
authors: [A. Author]
venue: Nowhere
year: 2020
kind: journal article
raw: fixture.txt
repairs:
  - kind: running-header
    text: "HEADER 9"
  - kind: pull-quote
    text: "also quoted\\n"
  - kind: dehyphenation
    kept: [inter-state]
  - kind: footnote-markers
  - kind: markup
  - kind: table-rebuild
    caption: "Table 1: Things"
    order: columns
---
`;

const BODY = `
## ABSTRACT

Alpha beta gamma delta.[^1]

Table 1: Things

| Left | Right |
|---|---|
| one two | four five |
| three | six |

Source: x.

End of inter-state text, also *quoted*.[^2] The *end*.
`;

/** The fixture's raw file; everything else the checker needs is in memory. */
const readFixture = (name: string): string => {
  if (name !== 'fixture.txt') throw new Error(`unexpected raw ${name}`);
  return RAW;
};
// The raw file must "exist": point the checker at this test's own directory and a file that does.
const fixtureDir = dirname(fileURLToPath(import.meta.url));
const FM_HERE = FM.replace('raw: fixture.txt', 'raw: fidelity.ts');
const check = (body: string, fm = FM_HERE): string[] =>
  checkCorpusFile(fm + body, 'fixture', fixtureDir, () => readFixture('fixture.txt')).problems;

describe('fidelity checker catches defects', () => {
  it('accepts the faithful fixture', () => {
    expect(check(BODY)).toEqual([]);
  });

  const defects: [string, string, string, RegExp][] = [
    ['a dropped word', 'Alpha beta gamma', 'Alpha gamma', /corpus lacks raw word "beta"/],
    ['an added word', 'Alpha beta gamma', 'Alpha beta big gamma', /corpus adds word "big"/],
    ['a lost phrase', 'Alpha beta gamma delta.[^1]', 'Alpha delta.[^1]', /corpus lacks 2 raw words: "beta gamma"/],
    ['a changed word', 'gamma delta', 'gamma Delta', /raw has "delta.1", corpus has "Delta.1"/],
    ['reordered words', 'Alpha beta gamma', 'Alpha gamma beta', /words swapped/],
    ['a moved footnote marker', 'gamma delta.[^1]', 'gamma[^1] delta.', /footnote marker differs at "gamma": corpus has "gamma1"/],
    ['a marker with a space before it', 'delta.[^1]', 'delta. [^1]', /marker/],
    ['a real hyphen dropped', 'inter-state', 'interstate', /"inter-state"/],
    ['a wrong number', 'delta.[^1]', 'delta.[^3]', /marker/],
    ['a word changed inside a table', '| three | six |', '| three | seven |', /not a permutation[\s\S]*missing from the table: six[\s\S]*not in the raw block: seven/],
    ['a cell made of words from two raw lines', '| one two | four five |\n| three | six |', '| one | four five |\n| two three | six |', /cell "two three" does not start and end at a raw line break/],
    ['a hard line break inside a paragraph', 'End of inter-state text,', 'End of\ninter-state text,', /hard line break/],
    ['a lost last word', 'The *end*.', 'The', /corpus ends early/],
    ['a caption not right before its table', 'Table 1: Things\n\n|', 'Table 1: Things\n\nIntro.\n\n|', /caption "Table 1: Things" must be the block right before exactly one table/],
    ['a cell moved to the other column', '| one two | four five |\n| three | six |', '| one two | three |\n| four five | six |', /cell "three" \(row 2, column 2\) is out of the raw column-by-column order/],
    ['two rows swapped', '| one two | four five |\n| three | six |', '| three | six |\n| one two | four five |', /cell "one two" \(row 3, column 1\) is out of the raw column-by-column order/],
  ];
  for (const [name, from, to, expected] of defects)
    it(`catches ${name}`, () => {
      expect(BODY.includes(from), `fixture lacks ${JSON.stringify(from)}`).toBe(true);
      const problems = check(BODY.replace(from, to));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(expected);
    });

  it('catches a removal whose text is not in the raw file', () => {
    expect(check(BODY, FM_HERE.replace('"HEADER 9"', '"HEADER 10"')).join('\n')).toMatch(/does not occur in the raw file/);
  });
  it('catches an unused kept hyphen', () => {
    expect(check(BODY, FM_HERE.replace('[inter-state]', '[inter-state, delta-one]')).join('\n')).toMatch(/kept "delta-one" is never used/);
  });
  it('catches a pull quote that is not kept in the body', () => {
    // "Source: x." declared a pull quote: removed from the raw and the body, so the words agree,
    // but its body occurrence is gone.
    const fm = FM_HERE.replace('repairs:\n', 'repairs:\n  - kind: pull-quote\n    text: "Source: x."\n');
    expect(check(BODY.replace('Source: x.\n', ''), fm).join('\n')).toMatch(/pull-quote "Source: x." was removed as a repeat, but it does not occur/);
  });
  it('catches front matter errors', () => {
    const problems = check(BODY, FM_HERE.replace('id: fixture', 'id: other').replace('kind: markup', 'kind: tidy-up')).join('\n');
    expect(problems).toMatch(/id "other" must equal the file slug "fixture"/);
    expect(problems).toMatch(/unknown kind "tidy-up"/);
  });
  it('catches a moved-to-metadata text that is not in the front matter', () => {
    const fm = FM_HERE.replace('repairs:\n', 'repairs:\n  - kind: moved-to-metadata\n    text: "Source: x."\n');
    expect(check(BODY.replace('Source: x.\n', ''), fm).join('\n')).toMatch(/not contained in any front matter field/);
  });
  it('reports a difference with context from both sides', () => {
    const [msg] = check(BODY.replace('gamma delta', 'gamma Delta'));
    expect(msg).toContain('raw:    ABSTRACT Alpha beta gamma ⟦delta.1⟧ Table 1: Things one two three four five …');
    expect(msg).toContain('corpus: ABSTRACT Alpha beta gamma ⟦Delta.1⟧ Table 1: Things');
    expect(msg).toMatch(/^word mismatch at corpus line \d+ \(raw word #5\)/);
  });
});
