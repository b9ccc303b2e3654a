/**
 * The one way tests wait: until `check` returns something truthy, looking again after every
 * frame (browser) or macrotask (Node), failing after `ms` with what was awaited. Never a fixed
 * sleep: a test that asserts that something did *not* happen waits for the event that proves
 * the chance has passed.
 */
export async function until<T>(check: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const t0 = performance.now();
  const tick = typeof requestAnimationFrame === 'function' ? (r: () => void) => requestAnimationFrame(() => r()) : (r: () => void) => setTimeout(r, 1);
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>(tick);
  }
}

/**
 * In a browser: hears the rejections nothing handles from now on; `stop()` resolves with their
 * reasons once every one so far has been reported, so a test that asserts there were none waits
 * for that, not a fixed time. The page reports them in the order they happened: a marker
 * rejected at `stop()` is reported after all of them. The test runner logs every report as a
 * test's mistake through the promise's `catch`, which the marker's promise does not offer.
 */
export function watchRejections(): { stop(): Promise<unknown[]> } {
  const reasons: unknown[] = [];
  const marker = new Error('marker: every earlier rejection has been reported');
  let reported = () => {};
  const heard = (e: PromiseRejectionEvent) => (e.reason === marker ? reported() : reasons.push(e.reason));
  window.addEventListener('unhandledrejection', heard);
  return {
    stop: () =>
      new Promise((resolve) => {
        reported = () => {
          window.removeEventListener('unhandledrejection', heard);
          resolve(reasons);
        };
        void Unlogged.reject(marker);
      }),
  };
}

class Unlogged<T> extends Promise<T> {
  override catch(): Promise<T> {
    return this;
  }
}
