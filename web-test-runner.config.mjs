// Browser tests in Debian's Chromium (or $CHROME_PATH); nothing downloads a browser.
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { exportConditions, plugins } from './web-dev-server.config.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// A test file whose page never ran its tests (the browser or the dev server failed under it) can
// end a run "all tests passed" with exit code 0 (modernweb-dev/web#3019). Every file here has
// tests: one that reports none fails the run.
const empty = new Set();
const everyFileRan = {
  onTestRunFinished({ sessions }) {
    for (const s of sessions) {
      const r = s.testResults;
      if (!r || (r.tests.length === 0 && r.suites.length === 0)) empty.add(s.testFile);
    }
  },
  stop() {
    if (empty.size === 0) return;
    console.error(`\n${empty.size} test file(s) ran no tests:\n${[...empty].map((f) => `  ${f}`).join('\n')}`);
    const exit = process.exit.bind(process);
    process.exit = () => exit(1);
  },
};

export default {
  reporters: [defaultReporter(), everyFileRan],
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions },
  plugins,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
      },
    }),
  ],
};
