/**
 * Structural equality of records. Records come from several places (built
 * here, loaded from IndexedDB, parsed from an import file, later a sync
 * engine), and only the first fixes the order of their keys, so equality must
 * not depend on it. Arrays keep their order: in a record it means something
 * (evidence order, the selector pair). Pure, no imports; tested in Node.
 */

/**
 * True when `a` and `b` are the same JSON-like value: equal primitives, arrays
 * equal item by item in order, plain objects with the same keys (in any order)
 * and equal values. A key whose value is `undefined` counts as absent, as in JSON.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = definedKeys(a);
  const kb = definedKeys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const key of ka) {
    if (!Object.hasOwn(rb, key) || !deepEqual(ra[key], rb[key])) return false;
  }
  return true;
}

function definedKeys(o: object): string[] {
  return Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
}
