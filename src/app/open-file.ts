import { hashString } from '../corpus/hash.ts';
import type { DocModel } from '../corpus/types.ts';

/** Largest user file accepted: far above any article, small enough to never stall the tab. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Turn a user's Markdown or plain-text file into a document model. The Markdown pipeline is
 * loaded here, on first use, so the built-in sources never pay for it. Throws an Error with a
 * message fit for the user.
 */
export async function openUserFile(file: File): Promise<DocModel> {
  const isText = /\.txt$/i.test(file.name) || file.type === 'text/plain';
  const isMd = /\.(md|markdown)$/i.test(file.name) || file.type === 'text/markdown';
  if (!isText && !isMd) throw new Error(`“${file.name}” is not a Markdown (.md) or plain-text (.txt) file.`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB.`);
  const source = await file.text();
  if (!source.trim()) throw new Error(`“${file.name}” is empty.`);
  const { buildDocument } = await import('../corpus/pipeline.ts');
  const doc = buildDocument(source, { format: isMd ? 'markdown' : 'text', fileName: file.name });
  if (doc.blocks.length === 0) throw new Error(`“${file.name}” has no text to read.`);
  doc.meta = { ...doc.meta, id: userSourceId(doc.meta.id, doc.text), kind: doc.meta.kind === 'document' ? 'your file' : doc.meta.kind };
  return doc;
}

/**
 * The id of a user's file: its name for reading, its text for identity. Annotations are keyed
 * by source id, so a different file that happens to have the same name never inherits them,
 * and the same file opened again (any tab, any day) finds them. The `user-` prefix keeps it
 * apart from the built-in sources.
 */
export function userSourceId(slug: string, text: string): string {
  const name = slug.replace(/^user-/, '').slice(0, 48).replace(/-+$/, '') || 'file';
  return `user-${name}-${hashString(text, 10)}`;
}
