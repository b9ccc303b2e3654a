/**
 * `npx tsx bench/anchoring-diag.ts [seeds] [severity] [-v|-k] [--long|--short] [--other]`: Crossread's anchoring at one severity, untimed
 * (one run, fast), with each failure printed (-v: quote, true and found spans in their text; -k:
 * one line per passage, to diff two versions of the engine). For looking into the bench's failures;
 * `boundarySplit` counts boundary errors on passages a moved paragraph cut in two. --long: passages of
 * 300–1,000 characters, as the bench's long run; --short: 3–20, as its short run; --other: the
 * second edit mix (anchoring-other-edits.ts).
 */
import { anchorAll } from '../src/anchoring/index.ts';
import { benchCases, judge, lengthsFromArgs, mixFromArgs } from './anchoring.ts';
const seeds = (process.argv[2] ?? '1,2').split(',').map(Number);
const sev = process.argv[3] ?? 'heavy';
const verbose = process.argv.includes('-v');
const lengths = lengthsFromArgs();
const mix = mixFromArgs();
for (const seed of seeds) {
  const cases = (await benchCases(seed, lengths, mix)).filter((c) => c.severity === sev);
  const t = { ms: 0, anchors: 0, surviving: 0, destroyed: 0, ok: 0, boundary: 0, off: 0, wrong: 0, orphaned: 0 };
  let survOrphan = 0;
  let splitBoundary = 0;
  const t0 = performance.now();
  for (const c of cases) {
    const anchors = anchorAll(c.text, c.selectors, { originalLength: c.originalLength });
    c.selectors.forEach((sel, i) => {
      const a = anchors[i]!;
      const pl = a.status === 'anchored' ? { start: a.start, end: a.end } : null;
      const tr = c.truths[i]!;
      t.anchors++;
      const before = { ...t };
      judge(t, tr, pl);
      // Destroyed as judged: an anchor on a copy of the passage makes it a surviving one.
      const destroyed = t.destroyed > before.destroyed;
      if (!destroyed && !pl) survOrphan++;
      let kind = '';
      if (t.wrong > before.wrong) kind = destroyed ? 'WRONG-destroyed' : 'WRONG-surviving';
      else if (t.boundary > before.boundary) kind = c.split.has(i) ? 'BOUNDARY-split' : 'BOUNDARY';
      if (kind === 'BOUNDARY-split') splitBoundary++;
      else if (!kind && destroyed && pl) kind = 'REMNANT';
      else if (!destroyed && !pl) kind = 'ORPHAN ' + (a.status === 'orphan' ? a.reason : '');
      if (process.argv.includes('-k')) { console.log(`K ${seed} ${c.id} ${i} ${kind || (pl ? 'ok/off' : 'orph-ok')}`); return; }
      if (kind && verbose) {
        const q = sel[0];
        const ctx = (s: number, e: number) => JSON.stringify(c.text.slice(Math.max(0, s - 40), s)) + ' [[' + JSON.stringify(c.text.slice(s, e)) + ']] ' + JSON.stringify(c.text.slice(e, e + 40));
        console.log(`--- ${kind} ${c.id} #${i} hint=${sel[1].start} ${a.status === 'anchored' ? a.method : a.reason}`);
        console.log('  quote :', JSON.stringify(q.prefix), '[[' + JSON.stringify(q.exact) + ']]', JSON.stringify(q.suffix));
        console.log(`  truth ${tr.start}-${tr.end}${tr.destroyed ? ' destroyed' : ''}:`, ctx(tr.start, tr.end));
        if (pl) console.log(`  found ${pl.start}-${pl.end}:`, ctx(pl.start, pl.end));
      }
    });
  }
  const ms = (performance.now() - t0) / t.anchors;
  console.log(`seed ${seed} ${sev}: ok ${(100 * t.ok / t.surviving).toFixed(1)}% boundary ${t.boundary} (${(100 * t.boundary / t.surviving).toFixed(2)}%) wrong ${t.wrong} off ${t.off} orphanRecall ${(100 * t.orphaned / t.destroyed).toFixed(1)}% (${t.orphaned}/${t.destroyed}) survOrphan ${survOrphan} surv ${t.surviving} ms ${ms.toFixed(3)} boundarySplit ${splitBoundary}`);
}
