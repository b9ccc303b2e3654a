import { describe, expect, it } from 'vitest';
import * as md from '../../src/exchange/formats/topic-markdown.ts';
import { mdInline as inline } from '../../src/exchange/formats/markdown-text.ts';
import { topicMarkdown, type TopicMarkdownContext } from '../../src/exchange/formats/topic-markdown.ts';
import { compareTopic } from '../../src/map/topic.ts';
import type { Annotation } from '../../src/store/index.ts';
import type { DocMeta } from '../../src/corpus/types.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

const source = (id: string, cite: string, title: string, authors: string[], venue: string, year: number): DocMeta =>
  ({ id, cite, title, authors, venue, year, kind: 'article', wordCount: 1000, readingMinutes: 5 });
const META: Record<string, DocMeta> = {
  'doc-a': source('doc-a', 'Duvanova & Junisbai 2022', 'Why Kazakhstan?', ['Dinissa Duvanova', 'Barbara Junisbai'], 'PONARS Eurasia', 2022),
  'doc-b': source('doc-b', 'Anisin 2026', 'From Almaty to Minsk', ['Alexei Anisin'], 'CEJISS', 2026),
};

/** doc-a: one passage (¶ 4) asserting A; doc-b: one (¶ 9) asserting B; A ⨯ B; doc-c silent. */
async function world() {
  const { store } = await makeStore();
  const E = (await store.createEvent({ name: 'Almaty violence', start: '2022-01-04' })).value;
  const a1 = (await store.createAnnotation({ target: target('doc-a', 0, 'the security forces *stood* down'), events: [E.id] })).value;
  const b1 = (await store.createAnnotation({ target: target('doc-b', 0, 'police units\ncollapsed') })).value;
  const A = (await store.createClaim({ statement: 'Stood down on purpose', evidence: { annotation: a1.id, stance: 'asserts' } })).value;
  const B = (await store.createClaim({ statement: 'Police units collapsed', evidence: { annotation: b1.id, stance: 'asserts' }, events: [E.id] })).value;
  await store.createLink({ relation: 'contradicts', from: A.id, to: B.id, rationale: 'Either or' });
  const paragraphs = new Map<string, number>([[a1.id, 4], [b1.id, 9]]);
  const ctx: TopicMarkdownContext = {
    title: E.name,
    subtitle: 'Event, 4 January 2022',
    meta: (s) => META[s],
    paragraphOf: (a: Annotation) => paragraphs.get(a.id),
  };
  return { store, E, a1, b1, A, B, ctx };
}

describe('compare/topic-markdown', () => {
  it('exports its public API', () => {
    expect(Object.keys(md).sort()).toEqual(['topicMarkdown']);
  });

  it('writes each source’s passages with “(Author Year, ¶n)”, their stances, the silent source, links and references', async () => {
    const w = await world();
    const text = topicMarkdown(compareTopic(w.store, ['doc-a', 'doc-b', 'doc-c'], { kind: 'event', id: w.E.id }), w.ctx);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Almaty violence', '', 'Event, 4 January 2022']);
    const section = (title: string) => {
      const from = lines.indexOf(title);
      expect(from, title).toBeGreaterThan(-1);
      const end = lines.findIndex((l, i) => i > from && l.startsWith('## '));
      return lines.slice(from + 1, end < 0 ? undefined : end).filter(Boolean);
    };
    expect(section('## Duvanova & Junisbai 2022')).toEqual([
      `- ¶4 “the security forces ${inline('*stood*')} down” (Duvanova & Junisbai 2022, ¶4)`,
      '  - asserts: Stood down on purpose',
    ]);
    // A newline in a quote stays inside its list item.
    expect(section('## Anisin 2026')).toEqual(['- ¶9 “police units collapsed” (Anisin 2026, ¶9)', '  - asserts: Police units collapsed']);
    expect(section('## doc-c')).toEqual(['Not discussed.']);
    expect(section('## Links between sources')).toEqual([
      '- Duvanova & Junisbai 2022: Stood down on purpose — contradicts — Anisin 2026: Police units collapsed (Either or)',
    ]);
    expect(section('## Summary')).toEqual([
      '- **Duvanova & Junisbai 2022**: 1 claim; supported by Anisin 2026: 0, contradicted by Anisin 2026: 1; supported by doc-c: 0, contradicted by doc-c: 0',
      '- **Anisin 2026**: 1 claim; supported by Duvanova & Junisbai 2022: 0, contradicted by Duvanova & Junisbai 2022: 1; supported by doc-c: 0, contradicted by doc-c: 0',
      '- **doc-c**: 0 claims; supported by Duvanova & Junisbai 2022: 0, contradicted by Duvanova & Junisbai 2022: 0; supported by Anisin 2026: 0, contradicted by Anisin 2026: 0',
    ]);
    const refs = section('## References');
    expect(refs).toHaveLength(2); // doc-c has no metadata to cite
    expect(refs[1]).toContain('Anisin, Alexei. 2026.');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('cites a passage it cannot place by source alone, and says when nothing is filed', async () => {
    const w = await world();
    const unplaced = topicMarkdown(compareTopic(w.store, ['doc-a'], { kind: 'event', id: w.E.id }), { ...w.ctx, paragraphOf: () => null });
    expect(unplaced).toContain('- “the security forces');
    expect(unplaced).toContain('(Duvanova & Junisbai 2022)');
    expect(unplaced).not.toContain('¶');
    const empty = topicMarkdown(compareTopic(w.store, ['doc-a'], { kind: 'tag', tag: 'none' }), { ...w.ctx, title: 'Tag: none', subtitle: undefined });
    expect(empty).toContain('Nothing is filed under this yet');
    expect(empty).toContain('## Duvanova & Junisbai 2022\n\nNot discussed.');
  });

  it('keeps user text literal: whitespace collapsed, Markdown marks escaped', () => {
    expect(inline('  a\n\n*b* [c](d) #e |f| <g> `h` _i_ \\ ')).toBe('a \\*b\\* \\[c\\](d) \\#e \\|f\\| \\<g\\> \\`h\\` \\_i\\_ \\\\');
  });
});
