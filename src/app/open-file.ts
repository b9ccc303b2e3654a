import type { DocModel } from '../corpus/types.ts';
import type { ReadStage, UserFileFormat } from '../corpus/user-file/read.ts';
import { parseWorkerUrl } from './parse-worker-url.ts';
import { DocAssembler, type DocSlice } from './doc-slices.ts';

/** Largest user file accepted: far above any article, small enough to read in seconds. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** How long reading a file may take before it is stopped: a real 5 MB file needs under 10 s. */
export const TIME_LIMIT_MS = 30_000;

/** How far opening a file has come: the worker's step, and bytes read of the file's size. */
export interface OpenProgress {
  stage: ReadStage;
  loaded: number;
  total: number;
}

/** Options of openUserFile. */
export interface OpenOptions {
  /** Called as reading goes on. */
  onProgress?: (progress: OpenProgress) => void;
  /** Aborting stops the worker and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Time limit in ms (default TIME_LIMIT_MS). */
  timeLimitMs?: number;
}

/** What the page asks the parse worker. */
export interface ParseRequest {
  file: File;
  format: UserFileFormat;
}

/** What the parse worker answers: progress, then a document in slices, a refusal or a failure. */
export type ParseReply =
  | ({ type: 'progress' } & OpenProgress)
  | ({ type: 'doc' } & DocSlice)
  | { type: 'refused'; problem: string }
  | { type: 'failed'; message: string };

/**
 * Turn a user's Markdown or plain-text file into a document model. Everything after the name
 * and size checks (reading, the checks on the bytes, parsing) runs in a worker with a time
 * limit, so no file can freeze the page. Rejects with an Error whose message is fit for the
 * user, or with an AbortError when `signal` aborts.
 */
export function openUserFile(file: File, options: OpenOptions = {}): Promise<DocModel> {
  const name = `“${file.name}”`;
  const format = fileFormat(file);
  if (!format) return Promise.reject(new Error(`${name} is not a Markdown (.md) or plain-text (.txt) file.`));
  if (file.size > MAX_FILE_BYTES) return Promise.reject(new Error(`${name} is ${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB.`));
  if (file.size === 0) return Promise.reject(new Error(`${name} is empty.`));
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const limit = options.timeLimitMs ?? TIME_LIMIT_MS;

  return new Promise<DocModel>((resolve, reject) => {
    const worker = new Worker(parseWorkerUrl(), { type: 'module', name: 'crossread-read-file' });
    const finish = (settle: () => void) => {
      worker.terminate();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const fail = (message: string) => finish(() => reject(new Error(message)));
    const onAbort = () => finish(() => reject(abortError()));
    const seconds = limit >= 1000 ? String(Math.round(limit / 1000)) : (limit / 1000).toFixed(1);
    const timer = setTimeout(
      () => fail(`${name} took longer than ${seconds} s to read, so Crossread stopped reading it. Files built to stall a reader do this; an ordinary file this slow may be too large to read here.`),
      limit,
    );
    signal?.addEventListener('abort', onAbort);
    const doc = new DocAssembler();
    worker.onmessage = (e: MessageEvent<ParseReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.({ stage: m.stage, loaded: m.loaded, total: m.total });
      else if (m.type === 'doc') {
        const done = doc.add(m);
        if (done) finish(() => resolve(done));
      }
      else if (m.type === 'refused') fail(`${name} ${m.problem}.`);
      else fail(`${name} could not be read (${m.message}).`);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(`${name} could not be read: the part of Crossread that reads files did not start.`);
    };
    worker.onmessageerror = () => fail(`${name} could not be read: its document was too large to hand over.`);
    worker.postMessage({ file, format } satisfies ParseRequest);
  });
}

/** How a file is read, from its name (or type): Markdown, plain text, or neither (refused). */
export function fileFormat(file: Pick<File, 'name' | 'type'>): UserFileFormat | undefined {
  if (/\.(md|markdown)$/i.test(file.name) || file.type === 'text/markdown') return 'markdown';
  if (/\.txt$/i.test(file.name) || file.type === 'text/plain') return 'text';
  return undefined;
}

function abortError(): DOMException {
  return new DOMException('Opening the file was cancelled.', 'AbortError');
}
