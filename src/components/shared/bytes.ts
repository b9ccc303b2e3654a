/** A size in the unit a reader expects: `12 KB`, `3.4 MB`, `1.2 GB` (never "0.0 MB"). */
export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** How far a read has got, `1.2 MB of 4.0 MB`; nothing for a file read in a blink (under a megabyte). */
export function readSoFar(done: number, total: number): string {
  return total < 1024 * 1024 ? '' : `${bytes(done)} of ${bytes(total)}`;
}
