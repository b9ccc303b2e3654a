/**
 * Every export a reader can ask for, as data: what it is called, its file name and type, and
 * the pure function that writes it. The settings panel lists these; adding a format is adding
 * an entry here.
 */
import { toAif } from './aif.ts';
import { toArgdown } from './argdown.ts';
import { toBibtex, toCslJson } from './citations.ts';
import { claimsCsv, linksCsv } from './csv.ts';
import type { ExportData } from './export-data.ts';
import { markdownReport } from './markdown-report.ts';

export interface ExportFormat {
  id: string;
  label: string;
  /** What it is for, in a line. */
  hint: string;
  file: string;
  type: string;
  write(data: ExportData): string;
}

const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'markdown', label: 'Report (Markdown)', hint: 'Claims with quoted passages and citations, links with rationales.', file: 'crossread-report.md', type: 'text/markdown', write: (d) => markdownReport(d) },
  { id: 'argdown', label: 'Argdown', hint: 'For Argdown\u2019s tools: one section per source, relations as + - _.', file: 'crossread-map.argdown', type: 'text/plain', write: toArgdown },
  { id: 'aif', label: 'AIF (JSON)', hint: 'The Argument Interchange Format, as AIFdb and OVA read it.', file: 'crossread-map.aif.json', type: 'application/json', write: (d) => json(toAif(d)) },
  { id: 'claims-csv', label: 'Claims (CSV)', hint: 'One row per claim, for a spreadsheet.', file: 'crossread-claims.csv', type: 'text/csv', write: claimsCsv },
  { id: 'links-csv', label: 'Links (CSV)', hint: 'One row per link.', file: 'crossread-links.csv', type: 'text/csv', write: linksCsv },
  { id: 'bibtex', label: 'Sources (BibTeX)', hint: 'References of the sources, for LaTeX.', file: 'crossread-sources.bib', type: 'application/x-bibtex', write: (d) => toBibtex(d.docs.map((x) => x.meta)) },
  { id: 'csl-json', label: 'Sources (CSL-JSON)', hint: 'References for Zotero or Pandoc.', file: 'crossread-sources.csl.json', type: 'application/json', write: (d) => json(toCslJson(d.docs.map((x) => x.meta))) },
];
