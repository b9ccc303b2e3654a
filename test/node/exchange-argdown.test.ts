import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argdownText, toArgdown } from '../../src/exchange/formats/argdown.ts';
import { makeStore } from './claims-fixtures.ts';
import { claimFrom, corpusDocs, docOf, exportData, seminarMap } from './exchange-fixtures.ts';

/** Argdown's own parser and model builder (@argdown/core 1.7.5, the last line for Node 20). */
function parseArgdown(input: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  const r = app.run({ input, process: ['parse-input', 'build-model'] });
  const found: Array<{ message: string }> = [...((r.lexerErrors ?? []) as Array<{ message: string }>), ...((r.parserErrors ?? []) as Array<{ message: string }>)];
  const errors = found.map((e) => e.message);
  const statements = Object.values(r.statements ?? {}).map((s) => ({
    title: s.title!,
    text: s.members.map((m) => m.text ?? '').join('').trim(),
    tags: s.tags ?? [],
    data: s.data as Record<string, unknown> | undefined,
    section: s.members.find((m) => m.text)?.section?.title,
  }));
  const relations = (r.relations ?? []).map((x) => [x.from!.title, x.relationType, x.to!.title]);
  return { errors, statements, relations };
}

/** A statement's text as Argdown reads it back: tags are part of it, spaces single. */
const readBack = (statement: string, tags: string[]) => [statement.replace(/\s+/g, ' ').trim(), ...tags].join(' ').trim();

describe('Argdown export', () => {
  it('is read by Argdown without errors: a section per source, claims, tags, passages and relations', async () => {
    const { store, docs, labelled, collapse, middle } = await seminarMap();
    const { errors, statements, relations } = parseArgdown(toArgdown(exportData(store, docs)));
    expect(errors).toEqual([]);
    const byId = new Map(statements.map((s) => [s.data?.id, s]));
    const lab = byId.get(labelled.claim.id)!;
    expect(lab.section).toBe('Duvanova & Junisbai 2022');
    expect(lab.text).toBe('The "international terrorist" label justified repression #framing');
    expect(lab.tags).toEqual(['framing']);
    expect(lab.data?.events).toEqual(['Almaty violence, January 2022']);
    const expected: unknown = [
      { cite: expect.stringMatching(/^Duvanova & Junisbai 2022, ¶\d+$/) as unknown, stance: 'asserts', quote: labelled.annotation.target.selector[0].exact },
    ];
    expect(lab.data?.evidence).toEqual(expected);
    expect(byId.get(collapse.claim.id)!.tags).toEqual(['security forces', 'csto']);
    expect(byId.get(middle.claim.id)!.section).toBe('Kurmashev et al. 2018');
    const t = (id: string) => statements.find((s) => s.data?.id === id)!.title;
    expect(relations).toHaveLength(3);
    expect(relations).toContainEqual([t(labelled.claim.id), 'attack', t(collapse.claim.id)]);
    expect(relations).toContainEqual([t(middle.claim.id), 'support', t(labelled.claim.id)]);
    expect(relations).toContainEqual([t(collapse.claim.id), 'undercut', t(middle.claim.id)]);
  });

  it('gives the ¶ a reader cites', async () => {
    const { store, docs, collapse } = await seminarMap();
    const an = docOf(docs, 'anisin-2026');
    const start = an.text.indexOf('coercive');
    const block = an.blocks.find((b) => b.start <= start && start < b.end)!;
    const { statements } = parseArgdown(toArgdown(exportData(store, docs)));
    const ev = statements.find((s) => s.data?.id === collapse.claim.id)!.data!.evidence as Array<{ cite: string }>;
    expect(ev[0]!.cite).toBe(`Anisin 2026, ¶${block.n}`);
  });

  it('keeps any statement and tag exactly, whatever characters it holds', async () => {
    const docs = await corpusDocs();
    const dj = docOf(docs, 'duvanova-junisbai-2022');
    const text = fc.string({ unit: fc.constantFrom(...'ab Z9[]<>#*_{}@+-:\\/`~!"\'().,;=|^$%&?\u00b6\u2014\u00e9\u4e2d'.split('')), minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ statement: text, tags: fc.array(text, { maxLength: 3 }), event: text }), { minLength: 1, maxLength: 4 }), async (items) => {
        const { store } = await makeStore();
        const made = [];
        for (const it of items) {
          if (!it.statement.trim()) continue;
          const events = it.event.trim() ? [(await store.createEvent({ name: it.event.trim(), start: '2022' })).value.id] : [];
          made.push(await claimFrom(store, dj, 'Almaty', it.statement.trim(), { tags: it.tags, events }));
        }
        const out = parseArgdown(toArgdown(exportData(store, docs)));
        expect(out.errors).toEqual([]);
        for (const m of made) {
          const s = out.statements.find((x) => x.data?.id === m.claim.id);
          const tags = m.claim.tags.map((t) => t.replace(/[()]/g, '').replace(/\s+/g, ' ').trim());
          const shown = tags.map((t) => (/^[\p{L}\p{N}-]+$/u.test(t) ? `#${t}` : `#(${t})`));
          expect(s?.text).toBe(readBack(m.claim.statement, shown));
          expect(s?.data?.events).toEqual(m.claim.events.length ? m.claim.events.map((id) => store.events.get(id)!.name) : undefined);
        }
        store.close();
      }),
      { numRuns: 100 },
    );
  });

  it('escapes what Argdown would read as markup', () => {
    expect(argdownText('[a] <b> #c *d* _e_ {f} @g')).toBe('\\[a\\] \\<b\\> \\#c \\*d\\* \\_e\\_ \\{f\\} \\@g');
    expect(argdownText('line\nbreak')).toBe('line break');
  });
});
