import { readUserFile, type UserFileFormat } from './read.ts';

/**
 * The content hash Crossread gives `text` read as `format`: the hash of its rendered plain
 * text (`DocModel.hash`), the same reading a source added to the library gets, or undefined
 * when the text would be refused. A source carried in a map file names its hash; this checks
 * the name against the text (the hash decides whether passages on it need re-anchoring).
 */
export function renderedHash(text: string, format: UserFileFormat): string | undefined {
  const read = readUserFile(new TextEncoder().encode(text), format === 'markdown' ? 'carried.md' : 'carried.txt', format);
  return 'doc' in read ? read.doc.hash : undefined;
}
