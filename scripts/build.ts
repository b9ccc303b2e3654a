// Production build: a static site in dist/ that works from any static server and any path
// (relative URLs only), with the corpus prerendered so the Markdown pipeline is loaded only
// when a user opens a file of their own, in a worker bundled on its own (parse-worker.js); the
// map's layout (ELK) likewise runs in its own worker (layout-worker.js), and a file to import is
// checked in a third (import-worker.js).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
const t0 = performance.now();

execFileSync('npx', ['tsx', 'scripts/prerender-corpus.ts'], { cwd: fileURLToPath(root), stdio: 'inherit' });
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// esbuild does not follow `new URL('./parse-worker.ts', import.meta.url)`: each worker is built
// as its own entry beside index.html, and the module naming its URL points there instead.
const workers = [
  { name: 'parse-worker', source: 'src/app/parse-worker.ts', urlModule: /[\\/]src[\\/]app[\\/]parse-worker-url\.ts$/, urlExport: 'parseWorkerUrl' },
  { name: 'layout-worker', source: 'src/map/layout/layout-worker.ts', urlModule: /[\\/]src[\\/]map[\\/]layout[\\/]layout-worker-url\.ts$/, urlExport: 'layoutWorkerUrl' },
  { name: 'import-worker', source: 'src/exchange/in-worker/worker.ts', urlModule: /[\\/]src[\\/]exchange[\\/]in-worker[\\/]worker-url\.ts$/, urlExport: 'importWorkerUrl' },
];
const workerUrl: Plugin = {
  name: 'worker-url',
  setup(b) {
    for (const w of workers) {
      b.onLoad({ filter: w.urlModule }, () => ({
        contents: `export const ${w.urlExport} = () => new URL('./${w.name}.js', document.baseURI);`,
        loader: 'js',
      }));
    }
  },
};

const common: BuildOptions = {
  outdir: fileURLToPath(dist),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
  legalComments: 'linked',
  logLevel: 'warning',
};
const [app, ...workerBuilds] = await Promise.all([
  build({
    ...common,
    entryPoints: { app: fileURLToPath(new URL('src/main.ts', root)) },
    splitting: true,
    conditions: ['browser', 'production'],
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [workerUrl],
  }),
  // `worker`: packages with a DOM-free build for workers (decode-named-character-reference).
  ...workers.map((w) => build({ ...common, entryPoints: { [w.name]: fileURLToPath(new URL(w.source, root)) }, conditions: ['worker', 'browser', 'production'] })),
]);

const html = (await readFile(new URL('index.html', root), 'utf8'))
  .replace('./src/main.ts', './app.js')
  .replace('./src/theme.css', './theme.css');
await writeFile(new URL('index.html', dist), html);
await cp(new URL('src/theme.css', root), new URL('theme.css', dist));
await cp(new URL('corpus/build/', root), new URL('corpus/build/', dist), { recursive: true });
await cp(new URL('corpus/maps/', root), new URL('corpus/maps/', dist), { recursive: true });

const sizes = [app, ...workerBuilds].flatMap((r) => Object.entries(r.metafile?.outputs ?? {}))
  .filter(([f]) => f.endsWith('.js'))
  .map(([f, o]) => `${f.replace(/^.*dist\//, '')} ${(o.bytes / 1024).toFixed(1)} KB`);
console.log(`build: dist/ in ${Math.round(performance.now() - t0)} ms\n  ${sizes.join('\n  ')}`);
