import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildDocument } from '../src/corpus/pipeline.ts';
import type { DocModel } from '../src/corpus/types.ts';

/** The repository's corpus/ folder. */
export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Build the document model of every corpus/*.md, in file-name order (Node only). */
export async function loadCorpus(dir = CORPUS_DIR): Promise<DocModel[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (f) => buildDocument(await readFile(join(dir, f), 'utf8'), { fileName: f })),
  );
}
