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
