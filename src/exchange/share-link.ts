/**
 * A claim map in a link: the file compressed (deflate, the browser's CompressionStream) and
 * written base64url into the URL's fragment, `#/share/<code>`. Browsers never send the fragment
 * to a server, so the map goes only where the link is pasted. Opening the link reads the map with
 * the same checks as a file. Pure, on the platform's streams (browsers and Node 18+).
 */

/** Longest code put in a link: links pasted into mail, chat or a course page stay under ~32 KB. */
export const MAX_CODE_CHARS = 30_000;
/** Most a code may expand to: a small link must not unpack into gigabytes. */
export const MAX_DECODED_BYTES = 5 * 1024 * 1024;

export class ShareLinkError extends Error {}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareLinkError(`The link unpacks to more than ${limit / 1024 / 1024} MB; a shared map is never that large.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new ShareLinkError('The link is damaged: it holds characters a shared map never has. Ask for it again.');
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The code for `text`, or why it cannot go in a link (too large: share the file instead). */
export async function encodeShare(text: string): Promise<{ code: string } | { tooLarge: number }> {
  const code = toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
  return code.length > MAX_CODE_CHARS ? { tooLarge: code.length } : { code };
}

/** The text a code holds; throws a ShareLinkError in the reader's words when it cannot be read. */
export async function decodeShare(code: string): Promise<string> {
  if (code.length > MAX_CODE_CHARS * 2) throw new ShareLinkError('The link is longer than any shared map: it is damaged or not a Crossread link.');
  const bytes = fromBase64Url(code);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DECODED_BYTES));
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('The link is damaged or cut short: its map cannot be unpacked. Ask for it again, or for the file.');
  }
}
