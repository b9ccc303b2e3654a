// The worker that reads a user's file: bytes to document model off the main thread, so that no
// file, however built, can freeze the tab; the page can stop it at any time (terminate).
import { readUserFile } from '../corpus/user-file/read.ts';
import type { ParseReply, ParseRequest } from './open-file.ts';
import { sliceDoc } from './doc-slices.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseReply): void;
};

scope.onmessage = (e) => void parse(e.data);

async function parse({ file, format }: ParseRequest): Promise<void> {
  try {
    const bytes = await readBytes(file);
    const result = readUserFile(bytes, file.name, format, (stage) => scope.postMessage({ type: 'progress', stage, loaded: bytes.length, total: file.size }));
    if ('problem' in result) scope.postMessage({ type: 'refused', problem: result.problem });
    else for (const slice of sliceDoc(result.doc)) scope.postMessage({ type: 'doc', ...slice });
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

/** The file's bytes, read as a stream so the page can show how far reading has come. */
async function readBytes(file: File): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew since it was chosen is read up to the size it had.
    const chunk = value.subarray(0, bytes.length - loaded);
    bytes.set(chunk, loaded);
    loaded += chunk.length;
    scope.postMessage({ type: 'progress', stage: 'reading', loaded, total: file.size });
  }
  return bytes.subarray(0, loaded);
}
