/**
 * Where the parse worker's module is. The dev server and the tests serve it from its source,
 * next to this file; the production build (scripts/build.ts) bundles it as `parse-worker.js`
 * beside index.html and replaces this module with one that points there, since esbuild does
 * not follow `new URL(…, import.meta.url)`.
 */
export const parseWorkerUrl = (): URL => new URL('./parse-worker.ts', import.meta.url);
