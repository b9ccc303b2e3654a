/**
 * The instructor's class overview (`map/overview/`) as Markdown to read and print, and as one
 * CSV to sort and filter in a spreadsheet: passages many students marked, claims they share,
 * links that read the instructor's claims otherwise, each disagreement with both sides named.
 * Not in `EXPORT_FORMATS`: those write a claim map, this writes a comparison of layers. Pure.
 */
import type { ClassOverview, HotPassage } from '../../map/overview/overview.ts';
import { count, RELATION_WORDS } from '../../map/words.ts';
import type { Link } from '../../store/index.ts';
import { csvRows } from './csv.ts';
import { mdInline, mdQuote } from './markdown-text.ts';

/** The overview in Markdown; `title` heads it. */
export function overviewMarkdown(o: ClassOverview, title = 'Class overview'): string {
  const out = [`# ${mdInline(title)}`, ''];
  const names = o.students.map((s) => mdInline(s.name)).join(', ');
  if (o.instructor) out.push(`Compared with the map of ${mdInline(o.instructor.name)} (instructor).`);
  out.push(`${count(o.students.length, 'student')}${names ? `: ${names}` : ''}.`, '');

  out.push('## Passages students marked', '');
  if (!o.passages.length) out.push('No student marked a passage.', '');
  for (const p of o.passages) {
    out.push(`### ${mdInline(`${p.cite}, \u00b6${p.paragraph}`)}: ${tagged(o, p)}`, '', `Marked by ${layerNames(o, p.layers)}.`, '', mdQuote(p.quote), '');
  }

  out.push('## Claims shared across maps', '');
  if (!o.shared.length) out.push('No claim is shared by two maps (same passage or near-identical wording).', '');
  o.shared.forEach((g, i) => {
    out.push(`### ${i + 1}. ${layerNames(o, g.layers)}: ${reasonWords(g.reasons)}`, '');
    for (const c of g.claims) out.push(`- ${layerNames(o, [c.layer])}: ${mdInline(c.statement)}`);
    out.push('');
  });

  out.push('## Links that disagree with the instructor\u2019s', '');
  if (!o.disagreements.length) out.push('No student link reads the instructor\u2019s claims otherwise.', '');
  o.disagreements.forEach((d, i) => {
    out.push(`### ${i + 1}. ${mdInline(statement(o, d.instructor.from))} / ${mdInline(statement(o, d.instructor.to))}`, '');
    for (const [l, note] of [[d.instructor, ''], [d.student, d.reversed ? ' (the other way round)' : '']] as const) {
      out.push(`- ${layerNames(o, [l.layer])}: ${mdInline(linkText(o, l))}${note}${l.rationale ? `. Why: ${mdInline(l.rationale)}` : ''}`);
    }
    out.push('');
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/**
 * The overview as one CSV: a row per passage, per claim of a shared group and per side of a
 * disagreement; `section` and `item` tell which, so a spreadsheet filter shows one at a time.
 */
export function overviewCsv(o: ClassOverview): string {
  const of = o.students.length;
  const role = (layer: string) => (layer === o.instructor?.id ? 'instructor' : 'student');
  const body: Array<Array<string | number | undefined>> = [];
  o.passages.forEach((p, i) => body.push(['passage', i + 1, plainNames(o, p.layers), 'student', p.cite, p.paragraph, p.layers.length, of, p.quote, '', '']));
  o.shared.forEach((g, i) => {
    for (const c of g.claims) body.push(['shared claim', i + 1, plainNames(o, [c.layer]), role(c.layer), '', '', g.layers.length, of + (o.instructor ? 1 : 0), c.statement, reasonWords(g.reasons), '']);
  });
  o.disagreements.forEach((d, i) => {
    for (const l of [d.instructor, d.student]) body.push(['disagreeing link', i + 1, plainNames(o, [l.layer]), role(l.layer), '', '', '', '', linkText(o, l), l.relation, l.rationale]);
  });
  return csvRows(['section', 'item', 'layer', 'role', 'source', 'paragraph', 'count', 'of', 'text', 'detail', 'rationale'], body);
}

const tagged = (o: ClassOverview, p: HotPassage) => `${p.layers.length} of ${count(o.students.length, 'student')}`;

const plainNames = (o: ClassOverview, layers: readonly string[]) => layers.map((id) => o.layers.get(id)?.name ?? 'Unknown').join('; ');

function layerNames(o: ClassOverview, layers: readonly string[]): string {
  return layers.map((id) => mdInline(o.layers.get(id)?.name ?? 'Unknown') + (id === o.instructor?.id ? ' (instructor)' : '')).join(', ');
}

function reasonWords(reasons: readonly string[]): string {
  return reasons.map((r) => (r === 'evidence' ? 'same passage' : 'near-identical wording')).join(', ');
}

const statement = (o: ClassOverview, id: string) => o.claims.get(id)?.statement ?? 'a claim not here';

/** "“A” supports “B”". */
function linkText(o: ClassOverview, l: Link): string {
  return `\u201c${statement(o, l.from)}\u201d ${RELATION_WORDS[l.relation].active} \u201c${statement(o, l.to)}\u201d`;
}
