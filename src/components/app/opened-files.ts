import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocModel } from '../../corpus/types.ts';
import { openUserFile } from '../../app/open-file.ts';
import { routeHash } from '../../app/route.ts';
import type { FileOpening } from '../library/cr-library.ts';

interface Options {
  /** How long reading a file may take, in ms (read when a file is opened). */
  timeLimitMs: () => number;
  /** A file was read that was not open yet: the library lists it. */
  added: () => void;
  /** Tells the reader something (a toast). */
  say: (message: string, ms?: number) => void;
}

/**
 * Files the reader opened in this tab (not added to the library): read in a worker
 * (open-file.ts), so the page stays responsive and Cancel stops it at any moment; kept by
 * content key, so the same file opened twice is one source. `opening` is the file being read
 * and how far reading has come, for the library's progress line.
 */
export class OpenedFiles implements ReactiveController {
  /** Documents by id. */
  readonly docs = new Map<string, DocModel>();
  opening: FileOpening | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: Options;
  // Stops reading the file being opened (Cancel, another file chosen, the app removed).
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, options: Options) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Stops reading the file being opened. */
  cancel(): void {
    this.#abort?.abort();
  }

  /** The route changed: the progress line ends, unless a file is still being read. */
  routeChanged(): void {
    if (!this.#abort) this.#show(undefined);
  }

  /** Reads `file` and opens it in the reader. Never rejects: a file that cannot be opened is reported. */
  async open(file: File): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const current = () => this.#abort === abort;
    this.#show({ name: file.name, stage: 'reading', loaded: 0, total: file.size });
    let opened = false;
    try {
      const doc = await openUserFile(file, {
        signal: abort.signal,
        timeLimitMs: this.#options.timeLimitMs(),
        onProgress: (p) => {
          if (current()) this.#show({ name: file.name, ...p });
        },
      });
      if (!current()) return;
      if (!this.docs.has(doc.meta.id)) {
        this.docs.set(doc.meta.id, doc);
        this.#options.added();
      }
      const hash = routeHash({ view: 'read', id: doc.meta.id });
      // The library and its progress line stay until the reader replaces them (routeChanged):
      // ended here, they would re-render and move focus (styling the page) in the task that
      // received the document.
      opened = location.hash !== hash;
      location.hash = hash;
    } catch (err) {
      if (!abort.signal.aborted) this.#options.say(`Could not open the file: ${(err as Error).message}`, 8000);
      else if (current()) this.#options.say(`Stopped opening “${file.name}”.`);
    } finally {
      if (current()) {
        this.#abort = undefined;
        if (!opened) this.#show(undefined);
      }
    }
  }

  #show(opening: FileOpening | undefined): void {
    this.opening = opening;
    this.#host.requestUpdate();
  }
}
