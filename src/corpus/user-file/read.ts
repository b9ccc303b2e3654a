import { buildDocument } from '../pipeline.ts';
import { userSourceId } from '../source-id.ts';
import { FrontMatterError } from '../meta.ts';
import type { DocModel } from '../types.ts';
import { decodeText } from './sniff.ts';
import { nestingProblem } from './nesting.ts';

/** What a user's file is read as. */
export type UserFileFormat = 'markdown' | 'text';

export { userSourceId } from '../source-id.ts';

/** Steps of reading a user's file, for a progress indicator. */
export type ReadStage = 'reading' | 'checking' | 'parsing';

/** A user's file read: its document, or why it was refused (phrased to follow the file's name). */
export type UserFileResult = { doc: DocModel } | { problem: string };

/**
 * A user's file, from its bytes to its document model, or the reason it is refused: not text,
 * empty, nested too deeply, or without any text. Images are held as placeholders (see
 * held-images.ts). Pure and synchronous: the app runs it in a worker (src/app/parse-worker.ts),
 * where a time limit can stop it.
 */
export function readUserFile(bytes: Uint8Array, fileName: string, format: UserFileFormat, onStage: (stage: ReadStage) => void = () => {}): UserFileResult {
  onStage('checking');
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return decoded;
  const source = decoded.text;
  if (!source.trim()) return { problem: 'is empty' };
  const deep = format === 'markdown' ? nestingProblem(source) : undefined;
  if (deep) return { problem: deep };
  onStage('parsing');
  let doc: DocModel;
  try {
    doc = buildDocument(source, { format, fileName, images: 'hold' });
  } catch (e) {
    // The pre-scan's limits keep real writing far from the stack's; this is its safety net.
    if (e instanceof RangeError) return { problem: 'nests too deeply to read; a file built like this can freeze a reader, so it was not opened' };
    if (e instanceof FrontMatterError) return { problem: frontMatterProblem(e.field) };
    throw e;
  }
  if (doc.blocks.length === 0) return { problem: 'has no text to read' };
  doc.meta = { ...doc.meta, id: userSourceId(doc.meta.id, doc.text), kind: doc.meta.kind === 'document' ? 'your file' : doc.meta.kind };
  return { doc };
}

// The header's own words, not the schema's: which line to correct, and how.
function frontMatterProblem(field: string | undefined): string {
  const header = 'has a header (the lines between --- at the top)';
  return field
    ? `${header} whose “${field}” is not what Crossread expects (for example, authors as a list and year as a number); correct or remove that line and open the file again`
    : `${header} that is not valid YAML; correct or remove it and open the file again`;
}
