import { describe, expect, it } from 'vitest';
import * as openFile from '../../src/app/open-file.ts';
import { openUserFile, userSourceId } from '../../src/app/open-file.ts';

it('exports a fixed public API', () => {
  expect(Object.keys(openFile).sort()).toEqual(['MAX_FILE_BYTES', 'openUserFile', 'userSourceId']);
});

describe('user source ids', () => {
  it('are keyed by content, named by the file', () => {
    const a = userSourceId('notes', 'one text');
    expect(a).toMatch(/^user-notes-[0-9a-z]{10}$/);
    expect(userSourceId('notes', 'one text')).toBe(a);
    expect(userSourceId('notes', 'another text')).not.toBe(a);
    expect(userSourceId('user-notes', 'one text')).toBe(a);
    expect(userSourceId('', 'x')).toMatch(/^user-file-/);
    expect(userSourceId('a'.repeat(200), 'x').length).toBeLessThan(70);
  });

  it('gives two different files of the same name different ids, the same file the same id', async () => {
    const open = (text: string) => openUserFile(new File([text], 'Week 1.md', { type: 'text/markdown' }));
    const [a, b, a2] = await Promise.all([open('# Week 1\n\nStood down.'), open('# Week 1\n\nCollapsed.'), open('# Week 1\n\nStood down.')]);
    expect(a.meta.id).not.toBe(b.meta.id);
    expect(a2.meta.id).toBe(a.meta.id);
    expect(a.meta.id.startsWith('user-')).toBe(true);
  });
});
