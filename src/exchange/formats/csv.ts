/**
 * CSV of a claim map, one file of claims and one of links (RFC 4180: comma separated, CRLF,
 * fields quoted when they hold a comma, quote or line break). A field a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe, the
 * usual guard against formula injection (OWASP); the text is otherwise kept. Pure.
 */
import { citeText, homeOf, passagesOf, sourcesOf, type ExportData } from './export-data.ts';

/** One CSV field. */
export function csvField(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file: the header row, then the body rows. */
export const csvRows = (header: readonly string[], body: ReadonlyArray<ReadonlyArray<string | number | undefined>>) =>
  [header, ...body].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** Claims: one row each; passages as "Cite, ¶n: quote" lines in one field. */
export function claimsCsv(data: ExportData): string {
  const passages = passagesOf(data);
  const cite = new Map(sourcesOf(data).map((s) => [s.id, s.cite]));
  const eventNames = new Map(data.events.map((e) => [e.id, e.name]));
  return csvRows(
    ['id', 'statement', 'source', 'tags', 'events', 'evidence', 'note', 'creator', 'created', 'modified'],
    data.claims.map((c) => {
      const home = homeOf(c, passages);
      const evidence = c.evidence.flatMap((e) => {
        const p = passages.get(e.annotation);
        return p ? [`${citeText(p)} (${e.stance}): ${p.quote.replace(/\s+/g, ' ')}`] : [];
      });
      return [
        c.id, c.statement, home ? cite.get(home) : '', c.tags.join('; '), c.events.flatMap((id) => eventNames.get(id) ?? []).join('; '),
        evidence.join('\n'), c.note, c.creator.name, c.created, c.modified,
      ];
    }),
  );
}

/** Links: one row each, both claims by id and statement. */
export function linksCsv(data: ExportData): string {
  const statement = new Map(data.claims.map((c) => [c.id, c.statement]));
  return csvRows(
    ['id', 'relation', 'from', 'from statement', 'to', 'to statement', 'rationale', 'creator', 'created', 'modified'],
    data.links.map((l) => [l.id, l.relation, l.from, statement.get(l.from), l.to, statement.get(l.to), l.rationale, l.creator.name, l.created, l.modified]),
  );
}
