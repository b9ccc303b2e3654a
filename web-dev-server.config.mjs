// Dev server: TypeScript through esbuild, CommonJS (unified's `extend`) through rollup.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { fileURLToPath } from 'node:url';

const commonjs = fromRollup(rollupCommonjs);

/** Plugins shared with web-test-runner.config.mjs. */
export const plugins = [
  esbuildPlugin({
    ts: true,
    target: 'es2022',
    tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
  }),
  // CommonJS-only packages: extend (unified), format (fault, via remark-frontmatter), axe-core (tests), elkjs (map layout).
  commonjs({ include: ['**/node_modules/extend/**', '**/node_modules/format/**', '**/node_modules/axe-core/**', '**/node_modules/elkjs/**'], strictRequires: false }),
];

/** Export conditions, shared with web-test-runner.config.mjs. `worker` because the user-file
 * worker (src/app/parse-worker.ts) has no DOM: decode-named-character-reference's `browser`
 * build decodes entities with `document`, its `worker` build with a table. The production
 * build gives `worker` to the worker's bundle only (scripts/build.ts). */
export const exportConditions = ['worker', 'browser', 'production'];

export default {
  port: 8000,
  rootDir: '.',
  // No appIndex: routes live in the hash, so the server never needs to answer an unknown path with
  // index.html, and doing so broke rollup's virtual modules (the map's ELK worker got HTML, not JS).
  nodeResolve: { exportConditions },
  plugins,
};
