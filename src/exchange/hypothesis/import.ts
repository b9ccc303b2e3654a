/** Importing a Hypothesis export: read and anchor (`read.ts`), then the store's one door. */
import type { DocModel } from '../../corpus/types.ts';
import type { CrossreadStore } from '../../store/index.ts';
import type { ForeignReport } from '../foreign.ts';
import { importRead, type ForeignImport } from '../import-foreign.ts';
import { readHypothesis } from './read.ts';

export const importHypothesis = (store: CrossreadStore, text: string, docs: readonly DocModel[]): Promise<ForeignImport<ForeignReport>> =>
  importRead(store, readHypothesis(text, docs));
