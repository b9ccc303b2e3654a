import { expect, it } from 'vitest';
import * as openFile from '../../src/app/open-file.ts';
import { MAX_FILE_BYTES, openUserFile } from '../../src/app/open-file.ts';

it('exports a fixed public API', () => {
  expect(Object.keys(openFile).sort()).toEqual(['MAX_FILE_BYTES', 'TIME_LIMIT_MS', 'fileFormat', 'openUserFile']);
});

// What can be told from the name and size is refused before any worker starts (the rest of
// opening runs in a worker: test/browser/reader/open-file-*.test.ts).
it('refuses other kinds of file, files over the limit and empty files by name and size', async () => {
  await expect(openUserFile(new File(['%PDF-1.4'], 'paper.pdf', { type: 'application/pdf' }))).rejects.toThrow('“paper.pdf” is not a Markdown (.md) or plain-text (.txt) file.');
  await expect(openUserFile(new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'big.md'))).rejects.toThrow('“big.md” is 5.0 MB; the limit is 5 MB.');
  await expect(openUserFile(new File([], 'empty.txt'))).rejects.toThrow('“empty.txt” is empty.');
  const abort = new AbortController();
  abort.abort();
  await expect(openUserFile(new File(['# x'], 'x.md'), { signal: abort.signal })).rejects.toMatchObject({ name: 'AbortError' });
});
