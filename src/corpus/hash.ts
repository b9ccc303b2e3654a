/**
 * cyrb53: a fast, well-distributed 53-bit string hash. Pure JavaScript so that Node and the
 * browser give the same ids; not cryptographic, which ids and change detection do not need.
 */
export function hash53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Hash as a fixed-width base-36 string (11 characters hold 53 bits). */
export function hashString(str: string, width = 11): string {
  return hash53(str).toString(36).padStart(11, '0').slice(-width);
}
