import { loadCorpus } from '../scripts/corpus-files.ts';
import { related } from '../src/search/related.ts';
const docs = await loadCorpus();
for (let k = 0; k < 6; k++) {
  const fresh = structuredClone(docs);
  const t0 = performance.now();
  related(fresh, 'CSTO troops in Almaty');
  console.log((performance.now() - t0).toFixed(1));
}
const TOKEN = /[\p{L}\p{M}\p{N}]+|[.!?:;]/gu;
for (let k = 0; k < 3; k++) { const t0 = performance.now(); let n = 0; for (const d of docs) for (const m of d.text.matchAll(TOKEN)) n += m[0].length; console.log('tokens', (performance.now() - t0).toFixed(1)); }
