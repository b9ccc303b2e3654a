/**
 * Where the import-checking worker's module is. The dev server and the tests serve it from its
 * source, next to this file; the production build (scripts/build.ts) bundles it as
 * `import-worker.js` beside index.html and replaces this module with one that points there.
 */
export const importWorkerUrl = (): URL => new URL('./worker.ts', import.meta.url);
