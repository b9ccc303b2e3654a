import { describe, expect, it } from 'vitest';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { decodeShare, encodeShare, MAX_CODE_CHARS, MAX_DECODED_BYTES } from '../../src/exchange/share-link.ts';
import { exportData, seminarMap } from './exchange-fixtures.ts';

describe('share links', () => {
  it('carries a claim map in a URL fragment and gives it back exactly', async () => {
    const { store, docs } = await seminarMap();
    const text = JSON.stringify(writeMapFile({ layer: { id: store.localLayer!, name: 'Ada', role: 'instructor' }, ...exportData(store, docs), builtIn: new Set(docs.map((d) => d.meta.id)), now: '2026-01-01T00:00:00.000Z' }));
    const r = await encodeShare(text);
    expect('code' in r).toBe(true);
    if (!('code' in r)) return;
    expect(r.code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(r.code.length).toBeLessThan(text.length); // compressed
    expect(await decodeShare(r.code)).toBe(text);
  });

  it('says a map is too large for a link rather than making one that breaks', async () => {
    const noise = Array.from({ length: 60_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(' ');
    const r = await encodeShare(noise);
    expect('tooLarge' in r && r.tooLarge).toBeGreaterThan(MAX_CODE_CHARS);
  });

  it('refuses damaged, cut or hostile links in the reader\u2019s words', async () => {
    const good = await encodeShare('{"format":"crossread-map"}');
    const code = 'code' in good ? good.code : '';
    await expect(decodeShare(code.slice(0, Math.floor(code.length / 2)))).rejects.toThrow(/damaged or cut short/);
    await expect(decodeShare('abc$%')).rejects.toThrow(/damaged/);
    await expect(decodeShare('x'.repeat(MAX_CODE_CHARS * 3))).rejects.toThrow(/longer than any shared map/);
    // a small code that unpacks to more than the limit (a "zip bomb") is stopped while unpacking
    const bomb = await encodeShare(' '.repeat(MAX_DECODED_BYTES + 1024));
    expect('code' in bomb).toBe(true);
    if ('code' in bomb) await expect(decodeShare(bomb.code)).rejects.toThrow(/unpacks to more than/);
  });
});
