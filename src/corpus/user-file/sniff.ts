/**
 * Is a user's file text? Decided from its bytes, before any parsing, so that an image, a PDF
 * or random bytes are refused by name instead of opening as mojibake with a garbage title.
 */

/** What decoding a file's bytes gave: its text, or why it is not text (phrased to follow the
 * file's name: "“x.md” looks like an image (PNG), not text"). */
export type Decoded = { text: string } | { problem: string };

/** Formats a user might rename to .md or .txt, by their first bytes (file signatures). */
const SIGNATURES: ReadonlyArray<{ what: string; at?: number; bytes: readonly number[] }> = [
  { what: 'an image (PNG)', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'an image (JPEG)', bytes: [0xff, 0xd8, 0xff] },
  { what: 'an image (GIF)', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'an image (WebP)', at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { what: 'an image (BMP)', bytes: [0x42, 0x4d] },
  { what: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { what: 'a ZIP archive (Word, EPUB and OpenDocument files are ZIP archives too)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a compressed file (gzip)', bytes: [0x1f, 0x8b] },
  { what: 'a compressed file (7-Zip)', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'a compressed file (RAR)', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { what: 'an old Word or Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { what: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

// A text may hold a stray control character or two; binary data is full of them.
const MAX_CONTROL_SHARE = 0.01;

/** The kind of file the first bytes announce (e.g. "an image (PNG)"), if they match a known
 * binary format. Two-byte signatures (BMP, gzip) also need a control byte no text has. */
export function signatureOf(bytes: Uint8Array): string | undefined {
  const sig = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[(s.at ?? 0) + i] === b));
  if (!sig) return undefined;
  if (sig.bytes.length > 2) return sig.what;
  return bytes.subarray(0, 64).some((b) => b < 0x09 || (b > 0x0d && b < 0x20)) ? sig.what : undefined;
}

/**
 * Decode a file's bytes as text: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a
 * UTF-16 byte-order mark. Refuses known binary formats by name, NUL bytes, bytes that are not
 * valid in the encoding, and text dense with control characters.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const kind = signatureOf(bytes);
  if (kind) return { problem: `looks like ${kind}, not text` };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.includes(0)) return { problem: 'contains binary data (NUL bytes), so it is not a text file' };
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return utf16
      ? { problem: 'is not valid UTF-16 text' }
      : { problem: 'is not UTF-8 text: it may not be text at all, or use an older encoding (save it as UTF-8 and open it again)' };
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed and carriage return are text; other C0 and C1 are not.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  if (text.includes('\0') || controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) return { problem: 'contains binary data, not text' };
  return { text };
}
