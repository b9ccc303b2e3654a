/**
 * Reading and checking a file to import in a worker (`worker.ts`), with progress and Cancel:
 * the page never parses or validates a large map itself (ADR 0009 does the same for a user's
 * text file). What the worker needs of this installation is sent with the file: the library's
 * texts (to match and anchor passages) and the ids the store holds (references may point at
 * them). Rejects only with an AbortError (cancelled) or an Error whose message is for the user;
 * a file the readers refuse resolves as the refusal, with every problem at its place.
 */
import type { DocModel } from '../../corpus/types.ts';
import type { Held } from '../map-file/read.ts';
import type { Incoming } from '../incoming.ts';
import { IncomingAssembler, type IncomingSlice } from './slices.ts';
import { importWorkerUrl } from './worker-url.ts';

/** Larger files are refused before reading: five times the largest claim map, the size of the largest backup. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** How far checking has come: reading the file (bytes), checking it, handing the records over. */
export interface CheckProgress {
  stage: 'reading' | 'checking' | 'handing';
  /** Bytes read, or records handed over; 0 of 0 while checking (no measure of it). */
  done: number;
  total: number;
}

/** What the page asks the worker. */
export interface CheckRequest {
  source: File | string;
  docs: DocModel[];
  ids: Record<Held, string[]>;
}

/** What the worker answers: progress, then the read file in slices, a refusal or a failure. */
export type CheckReply =
  | ({ type: 'progress' } & CheckProgress)
  | { type: 'slice'; slice: IncomingSlice }
  | { type: 'refused'; incoming: Extract<Incoming, { ok: false }> }
  | { type: 'failed'; message: string };

/** Options of {@link checkInWorker}. */
export interface CheckOptions {
  onProgress?: (p: CheckProgress) => void;
  /** Aborting stops the worker and rejects with an AbortError. */
  signal?: AbortSignal;
}

/** What the worker is told of this installation. */
export interface CheckContext {
  docs: readonly DocModel[];
  /** Ids of the records the store holds, and of its layers (`layers()`): a map may answer another. */
  ids: Record<Held, Iterable<string>>;
}

/** Reads and checks `source` (a chosen file, or the text of a share link) in a worker. */
export function checkInWorker(source: File | string, ctx: CheckContext, options: CheckOptions = {}): Promise<Incoming> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  if (typeof source !== 'string' && source.size > MAX_IMPORT_BYTES) {
    return Promise.reject(new Error(`The file is ${(source.size / 1048576).toFixed(0)} MB; Crossread imports files of at most ${MAX_IMPORT_BYTES / 1048576} MB.`));
  }
  return new Promise<Incoming>((resolve, reject) => {
    const worker = new Worker(importWorkerUrl(), { type: 'module', name: 'crossread-check-import' });
    const finish = (settle: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort);
    const assembler = new IncomingAssembler();
    worker.onmessage = (e: MessageEvent<CheckReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.({ stage: m.stage, done: m.done, total: m.total });
      else if (m.type === 'slice') {
        const done = assembler.add(m.slice);
        if (done) finish(() => resolve(done));
      } else if (m.type === 'refused') finish(() => resolve(m.incoming));
      else finish(() => reject(new Error(`The file could not be checked (${m.message}).`)));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(() => reject(new Error('The file could not be checked: the part of Crossread that checks files did not start.')));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('The file could not be checked: its records could not be handed over.')));
    // The texts are what the readers use of a source; its html, blocks and contents stay here.
    const docs = ctx.docs.map((d) => ({ ...d, html: '', blocks: [], toc: [] }));
    const ids = Object.fromEntries(Object.entries(ctx.ids).map(([c, list]) => [c, [...list]])) as CheckRequest['ids'];
    worker.postMessage({ source, docs, ids } satisfies CheckRequest);
  });
}

function abortError(): DOMException {
  return new DOMException('Checking the file was cancelled.', 'AbortError');
}
