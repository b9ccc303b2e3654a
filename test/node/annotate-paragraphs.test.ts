import { describe, expect, it } from 'vitest';
import * as paragraphs from '../../src/annotate/paragraphs.ts';
import { Paragraphs } from '../../src/annotate/paragraphs.ts';
import { targetFor } from '../../src/annotate/anchored.ts';
import { buildDocument, type DocModel } from '../../src/corpus/index.ts';
import { annotation } from './store-fixtures.ts';

const doc = buildDocument('---\nid: doc\n---\n# Title\n\nFirst para.\n\nSecond para.\n', { fileName: 'doc.md' });
const at = (start: number, end: number) => ({ ...annotation(), target: targetFor(doc, start, end) });

describe('annotate/paragraphs', () => {
  it('exports its public API', () => {
    expect(Object.keys(paragraphs).sort()).toEqual(['Paragraphs']);
  });

  it('is unknown while the source loads, then the ¶ of the passage’s first character', async () => {
    let loads = 0;
    let loaded!: () => void;
    const arrived = new Promise<void>((resolve) => (loaded = resolve));
    const p = new Paragraphs(() => (loads++, Promise.resolve(doc)), loaded);
    const second = at(doc.text.indexOf('Second'), doc.text.indexOf('Second') + 6);
    expect(p.of(second)).toBeUndefined();
    await arrived;
    expect(p.of(second)).toBe(2);
    expect(p.of(at(doc.text.indexOf('First'), doc.text.indexOf('First') + 5))).toBe(1);
    expect(loads).toBe(1);
  });

  it('ready() resolves once the sources asked for have loaded, so an export knows every ¶', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    const p = new Paragraphs(async () => (loads++, await gate, doc), () => {});
    const second = at(doc.text.indexOf('Second'), doc.text.indexOf('Second') + 6);
    expect(p.of(second)).toBeUndefined();
    const ready = p.ready(['doc', 'doc']);
    release();
    await ready;
    expect(p.of(second)).toBe(2);
    expect(loads).toBe(1);
    await p.ready(['doc']); // already loaded: resolves at once
  });

  it('is null without a loader, when loading fails, or for a passage not in the text', async () => {
    expect(new Paragraphs(undefined, () => {}).of(at(0, 5))).toBeNull();
    let done!: () => void;
    const failed = new Promise<void>((resolve) => (done = resolve));
    const p = new Paragraphs(() => Promise.reject(new Error('offline')), done);
    expect(p.of(at(0, 5))).toBeUndefined();
    await failed;
    expect(p.of(at(0, 5))).toBeNull();
    const gone: DocModel = buildDocument('---\nid: doc\n---\nSomething else entirely.\n', { fileName: 'doc.md' });
    let ready!: () => void;
    const arrived = new Promise<void>((resolve) => (ready = resolve));
    const q = new Paragraphs(() => Promise.resolve(gone), ready);
    const orphan = at(doc.text.indexOf('Second'), doc.text.indexOf('Second') + 11);
    q.of(orphan);
    await arrived;
    expect(q.of(orphan)).toBeNull();
  });
});
