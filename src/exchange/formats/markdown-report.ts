/**
 * A claim map as a Markdown report for reading and printing: the sources with full
 * references, then each claim with its passages quoted and cited "(Author Year, ¶n)", its
 * links with their rationales, grouped by the source the claim is made in. Pure.
 */
import { citeOf, fullCitation } from '../../corpus/citation.ts';
import type { Claim } from '../../store/index.ts';
import { RELATION_WORDS, STANCE_WORDS } from '../../map/words.ts';
import { citeText, homeOf, passagesOf, sourcesOf, type ExportData } from './export-data.ts';
import { mdInline, mdQuote } from './markdown-text.ts';


/** The report; `title` heads it. */
export function markdownReport(data: ExportData, title = 'Claim map'): string {
  const passages = passagesOf(data);
  const sources = sourcesOf(data);
  const eventNames = new Map(data.events.map((e) => [e.id, e.name]));
  const number = new Map<string, number>();
  const groups = new Map<string | undefined, Claim[]>();
  for (const c of data.claims) {
    const home = homeOf(c, passages);
    groups.set(home, [...(groups.get(home) ?? []), c]);
  }
  const ordered = [...sources.map((s) => s.id), undefined].flatMap((id) => groups.get(id) ?? []);
  ordered.forEach((c, i) => number.set(c.id, i + 1));
  const ref = (id: string) => {
    const c = data.claims.find((x) => x.id === id);
    return c ? `[${number.get(id)}] ${mdInline(c.statement)}` : 'a claim not in this map';
  };

  const out = [`# ${mdInline(title)}`, '', `${data.claims.length} claims, ${data.links.length} links.`, '', '## Sources', ''];
  for (const s of sources) out.push(`- **${mdInline(s.cite)}**: ${s.meta ? mdInline(fullCitation(s.meta)) : 'not in this library'}`);
  for (const [home, claims] of [...groups].sort(([a], [b]) => order(sources, a) - order(sources, b))) {
    const heading = home === undefined ? 'Claims without passages' : `Claims made in ${citeOf(sources, home)}`;
    out.push('', `## ${mdInline(heading)}`);
    for (const c of claims) {
      out.push('', `### ${number.get(c.id)}. ${mdInline(c.statement)}`, '');
      const facts = [
        c.tags.length ? `Tags: ${c.tags.map(mdInline).join(', ')}` : '',
        c.events.length ? `Events: ${c.events.map((id) => mdInline(eventNames.get(id) ?? 'unknown event')).join(', ')}` : '',
      ].filter(Boolean);
      if (facts.length) out.push(facts.join(' · '), '');
      if (c.note) out.push('Note:', '', mdQuote(c.note), '');
      for (const e of c.evidence) {
        const p = passages.get(e.annotation);
        if (!p) continue;
        out.push(mdQuote(p.quote), `>`, `> — ${mdInline(`(${citeText(p)})`)}, ${STANCE_WORDS[e.stance]}`, '');
      }
      const links = data.links.filter((l) => l.from === c.id || (l.to === c.id && RELATION_WORDS[l.relation].symmetric));
      for (const l of links) {
        const other = l.from === c.id ? l.to : l.from;
        out.push(`- ${RELATION_WORDS[l.relation].active} ${ref(other)}${l.rationale ? `: ${mdInline(l.rationale)}` : ''}`);
      }
      const into = data.links.filter((l) => l.to === c.id && !RELATION_WORDS[l.relation].symmetric);
      for (const l of into) out.push(`- ${RELATION_WORDS[l.relation].passive} ${ref(l.from)}${l.rationale ? `: ${mdInline(l.rationale)}` : ''}`);
      if (links.length || into.length) out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

const order = (sources: ReadonlyArray<{ id: string }>, id: string | undefined) => (id === undefined ? Infinity : sources.findIndex((s) => s.id === id));
