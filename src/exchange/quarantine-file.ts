/**
 * The file of damaged records set aside on load (`store/quarantine.ts`), for
 * whoever repairs them: every record exactly as stored, with where it was,
 * its id and why it was set aside (in the reader's words and in the schema's).
 * A format is a pure function, records in, text out; the settings panel only
 * offers the download.
 */
import type { QuarantinedRecord } from '../store/index.ts';

/** Value of `format` in the file, so a reader of it knows what it holds. */
export const QUARANTINE_FORMAT = 'crossread-damaged-records';

/** One entry of the file. */
export interface QuarantineEntry {
  collection: string;
  id: string | null;
  reason: string;
  problems: readonly string[];
  record: unknown;
}

/** What the file holds. */
export interface QuarantineFile {
  format: typeof QUARANTINE_FORMAT;
  version: 1;
  exported: string;
  records: QuarantineEntry[];
}

/**
 * The JSON text of the file and a file name for it. Values JSON cannot hold
 * (a Date, a Blob, `undefined`) are written as JSON writes them; the records
 * stay untouched in the database.
 */
export function quarantineFile(records: readonly QuarantinedRecord[], exported: Date): { name: string; text: string } {
  const file: QuarantineFile = {
    format: QUARANTINE_FORMAT,
    version: 1,
    exported: exported.toISOString(),
    records: records.map((r) => ({ collection: r.collection, id: r.id ?? null, reason: r.reason, problems: r.problems, record: r.value })),
  };
  return { name: `crossread-damaged-records-${file.exported.slice(0, 10)}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}
