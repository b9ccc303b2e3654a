import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_CHARS, type MapFile } from '../../src/exchange/map-file/format.ts';
import { importMapFile } from '../../src/exchange/map-file/import.ts';
import { jsonDepth, prototypeKeys } from '../../src/exchange/json-guard.ts';
import { readMapFile } from '../../src/exchange/map-file/read.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { seminarMap } from './exchange-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

/** The seminar map as a file, and the library it was made on. */
async function sample() {
  const made = await seminarMap();
  const { store, docs } = made;
  const layer = { id: store.localLayer!, name: 'Dr. Example', role: 'instructor' as const, course: 'Eurasian politics' };
  const file = writeMapFile({
    layer, docs, builtIn: new Set(docs.map((d) => d.meta.id)), now: '2026-01-01T00:00:00.000Z',
    annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [...store.links.values()], events: [...store.events.values()],
    positions: [{ claim: made.labelled.claim.id, x: 10, y: 20 }],
  });
  const sources = docs.map((d) => ({ id: d.meta.id, hash: d.hash }));
  return { ...made, file, text: JSON.stringify(file), sources };
}

const ctx = (sources: Array<{ id: string; hash: string }>) => ({ sources, has: () => false, hashOf: renderedHash });
const problemsOf = (text: string, sources: Array<{ id: string; hash: string }>) => {
  const r = readMapFile(text, ctx(sources));
  return r.ok ? [] : r.problems;
};

describe('claim-map file', () => {
  it('round-trips: export, import into an empty profile, the same records', async () => {
    const { store, text, sources } = await sample();
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importMapFile(other, text, sources);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.summary).toMatchObject({ added: 10, updated: 0, conflicts: 0 });
    expect(snapshot(other)).toEqual(snapshot(store));
    expect([...other.claims.values()].map((c) => c.version)).toEqual([...store.claims.values()].map((c) => c.version));
  });

  it('names the author’s layer (name, role, course, a colour) in the import’s own undo step', async () => {
    const { store, text, sources } = await sample();
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importMapFile(other, text, sources);
    expect(other.layers().find((l) => l.id === store.localLayer)).toMatchObject({ name: 'Dr. Example', role: 'instructor', course: 'Eurasian politics', colour: 1, hidden: false });
    expect(other.undoLabel).toBe('Import 10 records');
    await (r.ok && r.result.undo());
    expect(other.layers().map((l) => l.id)).toEqual([other.localLayer]);
  });

  it('re-importing the same file changes nothing', async () => {
    const { text, sources } = await sample();
    const { store: other } = await makeStore({ idBase: 1000 });
    await importMapFile(other, text, sources);
    const before = snapshot(other);
    const again = await importMapFile(other, text, sources);
    expect(again.ok && again.result.summary).toMatchObject({ added: 0, updated: 0, unchanged: 10, conflicts: 0 });
    expect(snapshot(other)).toEqual(before);
  });

  it('a newer version of the map updates the records it changed', async () => {
    const { store, labelled, text, sources, docs } = await sample();
    const { store: other } = await makeStore({ idBase: 1000 });
    await importMapFile(other, text, sources);
    await store.updateClaim(labelled.claim.id, { statement: 'Revised statement' });
    const layer = { id: store.localLayer!, name: 'Dr. Example', role: 'instructor' as const };
    const newer = writeMapFile({ layer, docs, builtIn: new Set(docs.map((d) => d.meta.id)), now: '2026-01-02T00:00:00.000Z',
      annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [...store.links.values()], events: [...store.events.values()] });
    const r = await importMapFile(other, JSON.stringify(newer), sources);
    expect(r.ok && r.result.summary).toMatchObject({ updated: 1, unchanged: 9 });
    expect(other.claims.get(labelled.claim.id)?.statement).toBe('Revised statement');
  });

  it('keeps hostile text as text: script payloads in every text field arrive verbatim, to be shown inert', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { file, sources } = await sample();
    const f = structuredClone(file);
    for (const c of f.claims) Object.assign(c, { statement: `${payload} ${c.statement}`, note: payload, tags: [payload] });
    for (const l of f.links) l.rationale = payload;
    for (const e of f.events) e.name = payload;
    for (const a of f.annotations) a.creator.name = payload;
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importMapFile(other, JSON.stringify(f), sources);
    expect(r.ok).toBe(true);
    expect([...other.claims.values()].every((c) => c.note === payload && c.tags[0] === payload)).toBe(true);
    expect([...other.links.values()].every((l) => l.rationale === payload)).toBe(true);
  });
});

describe('claim-map file: refused with the path and the problem, nothing written', () => {
  type Loose = Record<string, unknown>;
  /** The list with its first item patched (with anything, valid or not). */
  const first = (list: readonly object[], patch: Loose) => [{ ...list[0], ...patch }, ...list.slice(1)];
  const ghost = 'urn:uuid:99999999-9999-4999-8999-999999999999';
  const cases: Array<[string, (f: MapFile, t: string) => string, RegExp, string]> = [
    ['truncated JSON', (_f, t) => t.slice(0, Math.floor(t.length / 2)), /cut off/, ''],
    ['not JSON', () => 'format: crossread-map', /not valid JSON/, ''],
    ['another format', (f) => JSON.stringify({ ...f, format: 'hypothesis' }), /not a Crossread claim map/, 'format'],
    ['a newer version', (f) => JSON.stringify({ ...f, version: 2 }), /newer Crossread/, 'version'],
    ['10,000 nested levels', () => '['.repeat(10_000) + ']'.repeat(10_000), /nests 10000 levels/, ''],
    ['50 MB', () => ' '.repeat(MAX_FILE_CHARS * 2.5), /50 MB/, ''],
    ['a missing field', (f) => JSON.stringify({ ...f, claims: undefined }), /missing/, 'claims'],
    ['a claim without a statement', (f) => JSON.stringify({ ...f, claims: first(f.claims, { statement: undefined }) }), /statement is missing/, 'claims[0].statement'],
    ['evidence that is not a list', (f) => JSON.stringify({ ...f, claims: first(f.claims, { evidence: 'x' }) }), /evidence is not a list/, 'claims[0].evidence'],
    ['a link to an unknown claim', (f) => JSON.stringify({ ...f, links: first(f.links, { to: ghost }) }), /links a claim .* not in the file/, 'links[0].to'],
    ['evidence citing an unknown passage', (f) => JSON.stringify({ ...f, annotations: f.annotations.slice(1) }), /cites a passage .* not in the file/, 'claims'],
    ['a passage on an unknown source', (f) => JSON.stringify({ ...f, sources: [], annotations: f.annotations.map((a) => ({ ...a, target: { ...a.target, source: 'nowhere' } })) }), /neither in the file nor in this library/, 'annotations[0].target.source'],
    ['a duplicate id', (f) => JSON.stringify({ ...f, claims: [...f.claims, f.claims[0]] }), /used twice/, 'claims[3].id'],
    ['a __proto__ key', (_f, t) => t.replace('"claims":[{', '"claims":[{"__proto__":{"polluted":1},'), /not allowed/, 'claims[0].__proto__'],
    ['a record of another layer', (f) => JSON.stringify({ ...f, claims: first(f.claims, { layer: ghost }) }), /another layer/, 'claims[0].layer'],
    ['a bad role', (f) => JSON.stringify({ ...f, layer: { ...f.layer, role: 'admin' } }), /instructor/, 'layer.role'],
    ['a bad role of a map it answers', (f) => JSON.stringify({ ...f, refers: [{ ...f.layer, id: ghost, role: 'admin' }] }), /instructor/, 'refers[0].role'],
    ['a statement over the limit', (f) => JSON.stringify({ ...f, claims: first(f.claims, { statement: 'x'.repeat(501) }) }), /statement is too long \(at most 500 characters\)/, 'claims[0].statement'],
    ['an event date in words', (f) => JSON.stringify({ ...f, events: first(f.events, { start: 'January 2022', end: '2022-01-05' }) }), /start date must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD\.$/, 'events[0].start'],
    ['an event ending before it starts', (f) => JSON.stringify({ ...f, events: first(f.events, { start: '2022-01-06', end: '2022-01-02' }) }), /^The end date must not precede the start date\.$/, 'events[0]'],
  ];
  for (const [name, make, message, path] of cases) {
    it(name, async () => {
      const { file, text, sources } = await sample();
      const bad = make(structuredClone(file), text);
      const problems = problemsOf(bad, sources);
      expect(problems.length, `${name} was accepted`).toBeGreaterThan(0);
      expect(problems.some((p) => message.test(p.message) && p.path.startsWith(path)), JSON.stringify(problems)).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('names an invalid record once: what refers to it is not said to refer to nothing', async () => {
    const { file, sources } = await sample();
    const f = structuredClone(file);
    const linked = f.links[0]!.from;
    const i = f.claims.findIndex((c) => c.id === linked);
    f.claims[i] = { ...f.claims[i]!, statement: 'x'.repeat(501) };
    const problems = problemsOf(JSON.stringify(f), sources);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([`claims[${i}].statement: The statement is too long (at most 500 characters).`]);
  });

  it('a seeded fuzz: every damaged file is refused or imported whole; a refused one leaves the database as it was', async () => {
    const { file, sources } = await sample();
    const { store: other } = await makeStore({ idBase: 1000 });
    const before = snapshot(other);
    const paths: Array<(string | number)[]> = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    };
    walk(file, []);
    let refused = 0;
    let imported = 0;
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.constant([]), fc.constant({}), fc.constant('urn:uuid:99999999-9999-4999-8999-999999999999'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: paths.length - 1 }), junk), { minLength: 1, maxLength: 3 }), async (edits) => {
        const f = structuredClone(file) as unknown as Record<string, unknown>;
        for (const [at, value] of edits) {
          const p = paths[at]!;
          let parent: unknown = f;
          for (const k of p.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[k];
          if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[p.at(-1)!] = value;
        }
        const r = await importMapFile(other, JSON.stringify(f), sources);
        if (!r.ok) {
          refused++;
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r.problems.every((p) => p.message.length > 0)).toBe(true);
          expect(snapshot(other)).toEqual(before);
        } else {
          imported++;
          await r.result.undo();
        }
      }),
      { numRuns: 200, seed: 20260101 },
    );
    // Most damage must be caught; some (a changed date, an extra tag) is a valid map still.
    expect(refused).toBeGreaterThan(150);
    expect(imported).toBeGreaterThan(0);
  });
});

describe('json guards', () => {
  it('measures depth without recursion and ignores brackets in strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('['.repeat(100_000))).toBe(100_000);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });
  it('finds prototype keys at any depth', () => {
    expect(prototypeKeys(JSON.parse('{"a":[{"__proto__":1}],"constructor":{}}'))).toEqual(['a[0].__proto__', 'constructor']);
  });
});

describe('docs/crossread-map.schema.json', () => {
  it('is the one generated from the schemas the importer checks with (npm run schema)', async () => {
    const { readFileSync } = await import('node:fs');
    const { mapFileJsonSchema } = await import('../../src/exchange/map-file/json-schema.ts');
    const committed: unknown = JSON.parse(readFileSync(new URL('../../docs/crossread-map.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(mapFileJsonSchema())));
  });

  it('accepts an exported map and rejects a damaged one, by a standard JSON Schema validator (Ajv)', async () => {
    const { default: Ajv } = await import('ajv');
    const { default: addFormats } = await import('ajv-formats');
    const { mapFileJsonSchema } = await import('../../src/exchange/map-file/json-schema.ts');
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(mapFileJsonSchema());
    const { file } = await sample();
    expect(validate(JSON.parse(JSON.stringify(file))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...file, version: 2 })).toBe(false);
    expect(validate({ ...file, claims: [{ ...file.claims[0], evidence: 'x' }] })).toBe(false);
  });
});
