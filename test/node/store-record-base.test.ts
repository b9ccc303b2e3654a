import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as base from '../../src/store/record-base.ts';
import { modifiedAt, normalizeTags, onlyTouched, splitTags } from '../../src/store/record-base.ts';

describe('store/record-base', () => {
  it('exports its public API', () => {
    expect(Object.keys(base).sort()).toEqual(['modifiedAt', 'normalizeTags', 'onlyTouched', 'splitTags']);
  });

  it('splits typed tags at commas, trimmed, without blanks or duplicates', () => {
    expect(splitTags('security, Almaty ,, elite,security')).toEqual(['security', 'Almaty', 'elite']);
    expect(splitTags('')).toEqual([]);
    expect(splitTags(' , ')).toEqual([]);
    expect(splitTags('one')).toEqual(['one']);
    expect(splitTags('a b, c')).toEqual(['a b', 'c']); // a tag may hold spaces
    expect(splitTags('x, y')).toEqual(normalizeTags(['x', 'y']));
  });

  it('bumps modified to now, never before created', () => {
    const r = { created: '2026-01-02T00:00:00.000Z' };
    expect(modifiedAt(r, '2026-01-03T00:00:00.000Z')).toBe('2026-01-03T00:00:00.000Z');
    expect(modifiedAt(r, '2026-01-01T00:00:00.000Z')).toBe(r.created); // clock set back
  });

  it('treats an edit that only moves modified as no edit', () => {
    const a = { id: 'x', statement: 's', created: 'c', modified: '1' };
    expect(onlyTouched(a, { ...a, modified: '2' })).toBe(true);
    expect(onlyTouched(a, { ...a, statement: 't', modified: '2' })).toBe(false);
  });

  it('keeps the store’s record modules free of import cycles', () => {
    const dir = new URL('../../src/store/', import.meta.url);
    const imports = new Map<string, string[]>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      imports.set(f, [...text.matchAll(/^(?:import|export)[^;]*?from '\.\/([\w-]+\.ts)'/gms)].map((m) => m[1]!));
    }
    const cycle = (start: string): string[] | undefined => {
      const walk = (f: string, path: string[]): string[] | undefined => {
        for (const next of imports.get(f) ?? []) {
          if (next === start) return [...path, next];
          if (!path.includes(next)) {
            const found = walk(next, [...path, next]);
            if (found) return found;
          }
        }
        return undefined;
      };
      return walk(start, [start]);
    };
    expect(cycle('records.ts')).toBeUndefined();
    expect(cycle('claim-records.ts')).toBeUndefined();
    expect(cycle('record-base.ts')).toBeUndefined();
  });
});
