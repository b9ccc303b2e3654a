import type { CrossreadStore, StoragePersistence } from '../../store/index.ts';

const SAVED: Record<StoragePersistence, string> = {
  persisted: 'Your annotations and claims are saved in this browser, which has agreed to keep them (persistent storage).',
  'best-effort':
    'Your annotations and claims are saved in this browser, which has not promised to keep them: it may clear them when disk space runs low or when site data is cleared.',
  unsupported: 'Your annotations and claims are saved in this browser; it cannot promise to keep them.',
};

/**
 * Where the reader's work lives and whether the browser promised to keep it,
 * in one sentence: the footer of every view and the settings panel say it the
 * same way. Saved in IndexedDB: the browser's answer (`answer`, from
 * `store.requestPersistentStorage()`); not saved (memory mode, or data this
 * version cannot use): the store's warning, which says why.
 */
export function storageNote(store: CrossreadStore, answer: StoragePersistence | undefined): string | undefined {
  if (store.mode === 'indexeddb') return answer ? SAVED[answer] : undefined;
  return store.warning?.message;
}
