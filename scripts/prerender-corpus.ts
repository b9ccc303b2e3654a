// Render corpus/*.md to corpus/build/*.json at build time, so the app shows the built-in
// sources without shipping the Markdown pipeline in its start-up bundle.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCorpus, CORPUS_DIR } from './corpus-files.ts';

const out = join(CORPUS_DIR, 'build');
const t0 = performance.now();
const docs = await loadCorpus();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await writeFile(join(out, 'index.json'), JSON.stringify(docs.map((d) => ({ ...d.meta, hash: d.hash }))));
for (const d of docs) await writeFile(join(out, `${d.meta.id}.json`), JSON.stringify(d));
console.log(`corpus: ${docs.length} documents → corpus/build/ in ${Math.round(performance.now() - t0)} ms`);
