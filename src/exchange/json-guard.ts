/**
 * Checks on untrusted JSON text before and after `JSON.parse`: its size and nesting depth
 * (scanned without recursion, so 10,000 nested brackets cost one pass and no stack), and keys
 * that would reach an object's prototype if any code ever assigned them. Pure.
 */

/** The deepest nesting of arrays and objects in `text`, brackets inside strings ignored. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths (`claims[2].__proto__`) of keys that name an object's prototype machinery. */
export function prototypeKeys(value: unknown, path = ''): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${p}[${i}]`]));
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        const at = p ? `${p}.${k}` : k;
        if (PROTO_KEYS.has(k)) found.push(at);
        else stack.push([(v as Record<string, unknown>)[k], at]);
      }
    }
  }
  return found.sort();
}
