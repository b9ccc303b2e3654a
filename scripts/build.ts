// Production build: a static site in dist/ that works from any static server and any path
// (relative URLs only), with the corpus prerendered so the Markdown pipeline is loaded only
// when a user opens a file of their own.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
const t0 = performance.now();

execFileSync('npx', ['tsx', 'scripts/prerender-corpus.ts'], { cwd: fileURLToPath(root), stdio: 'inherit' });
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await build({
  entryPoints: { app: fileURLToPath(new URL('src/main.ts', root)) },
  outdir: fileURLToPath(dist),
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  conditions: ['browser', 'production'],
  chunkNames: 'chunks/[name]-[hash]',
  tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
  legalComments: 'linked',
  logLevel: 'warning',
});

const html = (await readFile(new URL('index.html', root), 'utf8'))
  .replace('./src/main.ts', './app.js')
  .replace('./src/theme.css', './theme.css');
await writeFile(new URL('index.html', dist), html);
await cp(new URL('src/theme.css', root), new URL('theme.css', dist));
await cp(new URL('corpus/build/', root), new URL('corpus/build/', dist), { recursive: true });

const sizes = Object.entries(result.metafile.outputs)
  .filter(([f]) => f.endsWith('.js'))
  .map(([f, o]) => `${f.replace(/^.*dist\//, '')} ${(o.bytes / 1024).toFixed(1)} KB`);
console.log(`build: dist/ in ${Math.round(performance.now() - t0)} ms\n  ${sizes.join('\n  ')}`);
