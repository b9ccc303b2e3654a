/**
 * Anchoring bench: Crossread's `anchor` against a Hypothesis-style matcher and an exact-only
 * baseline, on the corpus texts edited at three severities (see anchoring-edits.ts for the
 * edits and the rule deciding where a passage went or that it was destroyed).
 *
 * Per engine and severity: time per anchor; `ok`, anchors within ±5 characters of the truth at
 * both ends (share of surviving passages); `boundary >5`, anchors of surviving passages whose
 * start or end is more than 5 characters off the truth (share of surviving passages; an
 * orphaned surviving passage is neither ok nor a boundary error); `off`, anchors overlapping
 * the truth but further off (share of all passages); `wrong`, anchors that overlap neither the
 * passage's place nor a copy of it (see anchoring-edits.ts; share of all passages; for a destroyed
 * passage, anchoring on its remnant is neither wrong nor an orphan); `orphan recall`, destroyed
 * passages reported as orphans. Each severity ends with Crossread's targets against the Hypothesis-style matcher.
 */
import os from 'node:os';
import { anchorAll, describe } from '../src/anchoring/index.ts';
import { loadCorpus } from '../scripts/corpus-files.ts';
import { rng } from '../test/shared/rng.ts';
import { editText, SEVERITIES, type Severity, type Truth } from './anchoring-edits.ts';
import { editOther, OTHER_PASSAGES_PER_TEXT, samplePassagesApart } from './anchoring-other-edits.ts';
import { exactAnchor, hypothesisAnchor, type Place } from './anchoring-peers.ts';

/** Passages drawn from each text. */
const PASSAGES_PER_TEXT = 400;
/** Timed runs per engine and text, the engines in turn; the fastest counts. */
const TIMING_RUNS = 5;
const EVICT = 'A text that is not the one under test.';
/** Share of passages drawn from phrases that occur several times in their text. */
const REPEATED_SHARE = 0.25;

/** An engine places a text's passages together, as the reader places a source's annotations. */
type Engine = (text: string, sels: ReadonlyArray<ReturnType<typeof describe>>, originalLength: number) => Place[];

const ENGINES: ReadonlyArray<[string, Engine]> = [
  [
    'crossread',
    (text, sels, originalLength) =>
      anchorAll(text, sels, { originalLength }).map((a) => (a.status === 'anchored' ? { start: a.start, end: a.end } : null)),
  ],
  ['hypothesis-style', (text, sels) => sels.map(([q, p]) => hypothesisAnchor(text, q, p))],
  ['exact-only', (text, sels) => sels.map(([q, p]) => exactAnchor(text, q, p))],
];

function wordSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Passage lengths drawn: the bench's usual ones, (`--long`) the paragraph a reader highlights
 * whole, or (`--short`) a word or a name, where the context is nearly all there is to go by. */
export type PassageLengths = 'usual' | 'long' | 'short';
const LENGTHS: Record<PassageLengths, [number, number]> = { usual: [15, 300], long: [300, 1000], short: [3, 20] };

/** The lengths a command line asks for: `--long`, `--short`, else the usual ones. */
export function lengthsFromArgs(argv: readonly string[] = process.argv): PassageLengths {
  return argv.includes('--long') ? 'long' : argv.includes('--short') ? 'short' : 'usual';
}

/** Which passages and edits: the bench's own (anchoring-edits.ts), or (`--other`) the second
 * mix, made apart from it to check the engine on edits it was not tuned on (anchoring-other-edits.ts). */
export type EditMix = 'main' | 'other';

/** The mix a command line asks for. */
export function mixFromArgs(argv: readonly string[] = process.argv): EditMix {
  return argv.includes('--other') ? 'other' : 'main';
}

/** Random word-aligned passages (see LENGTHS); some are phrases repeated in the text. */
function samplePassages(text: string, r: () => number, lengths: PassageLengths): Array<{ start: number; end: number }> {
  const [min, max] = LENGTHS[lengths];
  const words = wordSpans(text);
  const seen = new Map<string, number>();
  const repeated: Array<[number, number]> = [];
  for (let n = 2; n <= 8; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const [a, b] = [words[i]![0], words[i + n - 1]![1]];
      if (b - a < min || b - a > max) continue;
      const key = text.slice(a, b);
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      if (k >= 1) repeated.push([a, b]);
    }
  }
  const out: Array<{ start: number; end: number }> = [];
  while (out.length < PASSAGES_PER_TEXT) {
    if (repeated.length > 0 && r() < REPEATED_SHARE) {
      const [a, b] = repeated[Math.floor(r() * repeated.length)]!;
      out.push({ start: a, end: b });
      continue;
    }
    const i = Math.floor(r() * words.length);
    const target = min + Math.floor(r() * (max - min + 1));
    let j = i;
    while (j + 1 < words.length && words[j + 1]![1] - words[i]![0] <= target) j++;
    const [a, b] = [words[i]![0], words[j]![1]];
    if (b - a >= min && b - a <= max) out.push({ start: a, end: b });
  }
  return out;
}

interface Tally {
  ms: number;
  anchors: number;
  surviving: number;
  destroyed: number;
  ok: number;
  boundary: number;
  off: number;
  wrong: number;
  orphaned: number;
}

export function judge(t: Tally, truth: Truth, place: Place): void {
  // An anchor on another place holding the passage's own characters (a copy of its sentence) is
  // judged against that place, as a surviving passage even where its own place was destroyed.
  const overlapping = (s: { start: number; end: number }): boolean => !!place && place.start < s.end && s.start < place.end;
  const copy = overlapping(truth) ? undefined : truth.also.find(overlapping);
  if (copy) truth = { ...truth, ...copy, destroyed: false };
  if (truth.destroyed) t.destroyed++;
  else t.surviving++;
  if (!place) {
    if (truth.destroyed) t.orphaned++;
    return;
  }
  const overlaps = overlapping(truth);
  const within = Math.abs(place.start - truth.start) <= 5 && Math.abs(place.end - truth.end) <= 5;
  if (!truth.destroyed && !within) t.boundary++;
  if (!truth.destroyed && within) t.ok++;
  else if (!overlaps) t.wrong++;
  else if (!truth.destroyed) t.off++;
}

/** One row of results. */
export interface AnchoringRow {
  engine: string;
  severity: Severity;
  passages: number;
  surviving: number;
  destroyed: number;
  msPerAnchor: number;
  accuracy: number;
  /** Share of surviving passages anchored with an end more than 5 characters off. */
  boundary: number;
  off: number;
  wrong: number;
  orphanRecall: number;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Crossread's targets at one severity, measured against the Hypothesis-style matcher. */
export interface AnchoringTargets {
  severity: Severity;
  /** ±5 ok at least the Hypothesis-style matcher's. */
  accuracy: boolean;
  /** At most 0.5% of surviving passages with a boundary more than 5 characters off. */
  boundary: boolean;
  /** No passage anchored where it is not. */
  wrong: boolean;
  /** At least 95% of destroyed passages orphaned. */
  orphanRecall: boolean;
  /** At most a third of the Hypothesis-style matcher's time per anchor. */
  time: boolean;
}

const TARGET_BOUNDARY = 0.005;
const TARGET_RECALL = 0.95;
const TARGET_TIME_SHARE = 1 / 3;

function targetsFor(rows: AnchoringRow[], severity: Severity): AnchoringTargets | undefined {
  const ours = rows.find((r) => r.severity === severity && r.engine === 'crossread');
  const peer = rows.find((r) => r.severity === severity && r.engine === 'hypothesis-style');
  if (!ours || !peer) return undefined;
  return {
    severity,
    accuracy: ours.accuracy >= peer.accuracy,
    boundary: ours.boundary <= TARGET_BOUNDARY,
    wrong: ours.wrong === 0,
    orphanRecall: ours.orphanRecall >= TARGET_RECALL,
    time: ours.msPerAnchor <= TARGET_TIME_SHARE * peer.msPerAnchor,
  };
}

function table(rows: AnchoringRow[]): string {
  const head = ['severity', 'engine', 'ms/anchor', '±5 ok', 'boundary >5', 'off', 'wrong', 'orphan recall', 'surv/destr'];
  const lines: string[][] = [];
  for (const severity of SEVERITIES) {
    for (const r of rows.filter((x) => x.severity === severity)) {
      lines.push([
        r.severity,
        r.engine,
        r.msPerAnchor.toFixed(3),
        pct(r.accuracy),
        pct(r.boundary),
        pct(r.off),
        pct(r.wrong),
        pct(r.orphanRecall),
        `${r.surviving}/${r.destroyed}`,
      ]);
    }
    const t = targetsFor(rows, severity);
    const peer = rows.find((r) => r.severity === severity && r.engine === 'hypothesis-style');
    if (!t || !peer) continue;
    const mark = (ok: boolean): string => (ok ? ' ✓' : ' ✗');
    lines.push([
      severity,
      'target (crossread)',
      `≤${(TARGET_TIME_SHARE * peer.msPerAnchor).toFixed(3)}${mark(t.time)}`,
      `≥${pct(peer.accuracy)}${mark(t.accuracy)}`,
      `≤${pct(TARGET_BOUNDARY)}${mark(t.boundary)}`,
      '',
      `0${mark(t.wrong)}`,
      `≥${pct(TARGET_RECALL)}${mark(t.orphanRecall)}`,
      '',
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]): string => l.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}

/** One edited text with its passages' selectors (made on the original) and true places. */
export interface BenchCase {
  id: string;
  severity: Severity;
  originalLength: number;
  text: string;
  selectors: Array<ReturnType<typeof describe>>;
  truths: Truth[];
  /** Passages a moved paragraph cut in two (see anchoring-edits.ts), for the diagnostics. */
  split: ReadonlySet<number>;
}

/** The bench's inputs for `seed`: every corpus text edited at every severity. */
export async function benchCases(seed: number, lengths: PassageLengths = 'usual', mix: EditMix = 'main'): Promise<BenchCase[]> {
  const docs = (await loadCorpus()).map((d) => ({ id: d.meta.id, text: d.text }));
  const r = rng(mix === 'main' ? seed : seed + 0x5eed);
  const edit = mix === 'main' ? editText : editOther;
  const sets = docs.map((d) => {
    const passages = mix === 'main' ? samplePassages(d.text, r, lengths) : samplePassagesApart(d.text, r, LENGTHS[lengths]);
    // Selectors are made once, on the original: every severity edits the same text.
    return { ...d, passages, selectors: passages.map((p) => describe(d.text, p.start, p.end)) };
  });
  const cases: BenchCase[] = [];
  for (const [s, severity] of SEVERITIES.entries()) {
    for (const [k, d] of sets.entries()) {
      const donors = [...docs.filter((o) => o.id !== d.id).map((o) => o.text), d.text];
      const edited = edit(d.text, d.passages, severity, donors, seed * 1000 + s * 10 + k);
      cases.push({
        id: d.id,
        severity,
        originalLength: d.text.length,
        text: edited.text,
        selectors: d.selectors,
        truths: d.passages.map((_, i) => edited.truth(i)),
        split: edited.split,
      });
    }
  }
  return cases;
}

/** Run the anchoring bench with `seed`; returns the printed table and the JSON record. */
export async function runAnchoringBench(seed = 1, lengths: PassageLengths = 'usual', mix: EditMix = 'main'): Promise<{ table: string; json: unknown }> {
  const cases = await benchCases(seed, lengths, mix);
  const rows: AnchoringRow[] = [];
  for (const severity of SEVERITIES) {
    const tallies = ENGINES.map(() => ({ ms: 0, anchors: 0, surviving: 0, destroyed: 0, ok: 0, boundary: 0, off: 0, wrong: 0, orphaned: 0 }));
    for (const c of cases.filter((x) => x.severity === severity)) {
      for (const [, engine] of ENGINES) engine(c.text, c.selectors.slice(0, 30), c.originalLength); // warm-up
      // The fastest of a few timed runs: other work on the machine only ever adds time. The
      // engines run in turn, so that a passing load falls on all of them, not on one's runs.
      const places: Place[][] = ENGINES.map(() => []);
      const best = ENGINES.map(() => Infinity);
      for (let rep = 0; rep < TIMING_RUNS; rep++) {
        for (const [e, [, engine]] of ENGINES.entries()) {
          // Anchoring elsewhere first evicts any per-text cache, so its cost is timed every run.
          engine(EVICT, c.selectors.slice(0, 1), EVICT.length);
          const t0 = performance.now();
          places[e] = engine(c.text, c.selectors, c.originalLength);
          best[e] = Math.min(best[e]!, performance.now() - t0);
        }
      }
      for (const e of ENGINES.keys()) {
        tallies[e]!.ms += best[e]!;
        tallies[e]!.anchors += places[e]!.length;
        places[e]!.forEach((pl, i) => judge(tallies[e]!, c.truths[i]!, pl));
      }
    }
    for (const [e, [engine]] of ENGINES.entries()) {
      const t = tallies[e]!;
      rows.push({
        engine,
        severity,
        passages: t.anchors,
        surviving: t.surviving,
        destroyed: t.destroyed,
        msPerAnchor: t.ms / t.anchors,
        accuracy: t.ok / Math.max(1, t.surviving),
        boundary: t.boundary / Math.max(1, t.surviving),
        off: t.off / t.anchors,
        wrong: t.wrong / t.anchors,
        orphanRecall: t.destroyed ? t.orphaned / t.destroyed : 1,
      });
    }
  }
  const json = {
    bench: 'anchoring',
    date: new Date().toISOString(),
    seed,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    texts: cases.filter((c) => c.severity === 'light').map((c) => ({ id: c.id, length: c.originalLength })),
    editMix: mix,
    passagesPerText: mix === 'main' ? PASSAGES_PER_TEXT : OTHER_PASSAGES_PER_TEXT,
    passageLengths: LENGTHS[lengths],
    rows,
    targets: SEVERITIES.map((severity) => targetsFor(rows, severity)),
  };
  const of = lengths === 'usual' ? '' : `, ${LENGTHS[lengths].join('–')} characters each`;
  const other = mix === 'main' ? '' : ', the second edit mix: passages apart, other edits';
  return { table: `Anchoring (seed ${seed}, ${rows[0]?.passages ?? 0} passages${of}${other})\n${table(rows)}`, json };
}
