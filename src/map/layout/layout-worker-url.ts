/**
 * Where the map's layout worker module is. The dev server and the tests serve it from its source,
 * next to this file; the production build (scripts/build.ts) bundles it as `layout-worker.js`
 * beside index.html and replaces this module with one that points there (as for the parse worker).
 */
export const layoutWorkerUrl = (): URL => new URL('./layout-worker.ts', import.meta.url);
