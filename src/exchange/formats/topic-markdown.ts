/**
 * The compare-by-topic view as Markdown: a heading, the summary per source, each source's
 * passages with their citations "(Author Year, ¶n)" and the claims they bear on, the links
 * between sources, and the full references. Pure: the view hands in how to cite and where each
 * passage is; records in, text out.
 */
import { fullCitation, inlineCitation } from '../../corpus/citation.ts';
import type { DocMeta } from '../../corpus/types.ts';
import { count, relationPhrase, STANCE_WORDS } from '../../map/words.ts';
import type { Annotation } from '../../store/index.ts';
import type { TopicComparison } from '../../map/topic.ts';
import { mdInline as inline } from './markdown-text.ts';

/** What the writer needs besides the comparison. */
export interface TopicMarkdownContext {
  /** The heading: the event's name and dates, or the tag. */
  title: string;
  /** A line under it (e.g. "Event, 4–6 January 2022"). */
  subtitle?: string;
  /** A source's metadata; `undefined` for one not loaded (a reader's file not open now). */
  meta(source: string): DocMeta | undefined;
  /** The ¶ of a passage in its source; `null`/`undefined` when it cannot be placed. */
  paragraphOf(annotation: Annotation): number | null | undefined;
}

/** The comparison as a Markdown document (ends with a newline). */
export function topicMarkdown(cmp: TopicComparison, ctx: TopicMarkdownContext): string {
  const cite = (source: string) => ctx.meta(source)?.cite ?? source;
  const out: string[] = [`# ${inline(ctx.title)}`, ''];
  if (ctx.subtitle) out.push(inline(ctx.subtitle), '');
  if (cmp.empty) out.push('Nothing is filed under this yet: no passage and no claim.', '');

  out.push('## Summary', '');
  for (const row of cmp.summary) {
    const others = row.others.map((o) => `supported by ${inline(cite(o.source))}: ${o.supported}, contradicted by ${inline(cite(o.source))}: ${o.contradicted}`);
    out.push(`- **${inline(cite(row.source))}**: ${count(row.claims, 'claim')}${others.length ? `; ${others.join('; ')}` : ''}`);
  }
  out.push('');

  for (const col of cmp.columns) {
    out.push(`## ${inline(cite(col.source))}`, '');
    if (!col.passages.length) {
      out.push('Not discussed.', '');
      continue;
    }
    for (const p of col.passages) {
      const n = ctx.paragraphOf(p.annotation);
      const where = n ? inlineCitation({ cite: cite(col.source) }, n) : `(${cite(col.source)})`;
      out.push(`- ${n ? `¶${n} ` : ''}“${inline(p.annotation.target.selector[0].exact)}” ${inline(where)}`);
      for (const { claim, stance } of p.claims) out.push(`  - ${STANCE_WORDS[stance]}: ${inline(claim.statement)}`);
    }
    out.push('');
  }

  if (cmp.links.length) {
    out.push('## Links between sources', '');
    for (const x of cmp.links) {
      const rationale = x.link.rationale ? ` (${inline(x.link.rationale)})` : '';
      out.push(`- ${inline(cite(x.leftSource))}: ${inline(x.left.statement)} — ${relationPhrase(x)} — ${inline(cite(x.rightSource))}: ${inline(x.right.statement)}${rationale}`);
    }
    out.push('');
  }

  if (cmp.unplaced.length) {
    out.push('## Claims with no passage', '');
    for (const c of cmp.unplaced) out.push(`- ${inline(c.statement)}`);
    out.push('');
  }

  const refs = cmp.columns.flatMap((col) => {
    const m = ctx.meta(col.source);
    return m ? [fullCitation(m)] : [];
  });
  if (refs.length) out.push('## References', '', ...refs.map((r) => `- ${inline(r)}`), '');
  return out.join('\n');
}
