/**
 * How much this site stores and how much the browser allows it, in words, from
 * `navigator.storage.estimate()`: undefined where the browser does not say.
 */
export async function storageUse(): Promise<string | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate || estimate.usage === undefined) return undefined;
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : bytes < 1024 ** 3 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  const used = `Crossread uses ${size(estimate.usage)} of this browser's storage`;
  return estimate.quota ? `${used}; the browser allows up to ${size(estimate.quota)}.` : `${used}.`;
}
