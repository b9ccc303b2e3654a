import type { DocModel } from '../corpus/types.ts';

/** Largest user file accepted: far above any article, small enough to never stall the tab. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Turn a user's Markdown or plain-text file into a document model. The Markdown pipeline is
 * loaded here, on first use, so the built-in sources never pay for it. Throws an Error with a
 * message fit for the user.
 */
export async function openUserFile(file: File, taken: ReadonlySet<string>): Promise<DocModel> {
  const isText = /\.txt$/i.test(file.name) || file.type === 'text/plain';
  const isMd = /\.(md|markdown)$/i.test(file.name) || file.type === 'text/markdown';
  if (!isText && !isMd) throw new Error(`“${file.name}” is not a Markdown (.md) or plain-text (.txt) file.`);
  if (file.size > MAX_FILE_BYTES) throw new Error(`“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB.`);
  const source = await file.text();
  if (!source.trim()) throw new Error(`“${file.name}” is empty.`);
  const { buildDocument } = await import('../corpus/pipeline.ts');
  const doc = buildDocument(source, { format: isMd ? 'markdown' : 'text', fileName: file.name });
  if (doc.blocks.length === 0) throw new Error(`“${file.name}” has no text to read.`);
  // A user's file must never shadow a built-in source or another open file.
  let id = doc.meta.id.startsWith('user-') ? doc.meta.id : `user-${doc.meta.id}`;
  for (let i = 2; taken.has(id); i++) id = `${id.replace(/-\d+$/, '')}-${i}`;
  doc.meta = { ...doc.meta, id, kind: doc.meta.kind === 'document' ? 'your file' : doc.meta.kind };
  return doc;
}
