import { bytes } from '../shared/bytes.ts';

/**
 * How much this site stores and how much the browser allows it, in words, from
 * `navigator.storage.estimate()`: undefined where the browser does not say.
 */
export async function storageUse(): Promise<string | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate || estimate.usage === undefined) return undefined;
  const used = `Crossread uses ${bytes(estimate.usage)} of this browser's storage`;
  return estimate.quota ? `${used}; the browser allows up to ${bytes(estimate.quota)}.` : `${used}.`;
}
