import { createContext } from '@lit/context';
import type { CrossreadStore } from '../../store/index.ts';

/**
 * The app's one store, as a Lit context: `cr-store-provider` provides it (in `cr-app`, or around
 * a single view in tests) and every component reaches it through a `StoreController`, never
 * through properties handed down level by level (ADR 0005). `undefined` until a store is given.
 */
export const storeContext = createContext<CrossreadStore | undefined>(Symbol('crossread-store'));
