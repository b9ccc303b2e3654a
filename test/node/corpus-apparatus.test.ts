import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/corpus/index.ts';
import { apparatusBlocks } from '../../src/corpus/apparatus.ts';

describe('corpus/apparatus', () => {
  it('marks apparatus sections to the next heading of their level, and a publication\u2019s lines, nothing else', () => {
    const doc = buildDocument(
      [
        '# Article', '', 'Keywords: CSTO, protest', '', 'First published online on 28 January 2026', '',
        'Received wisdom holds otherwise.', '', '## References', '', 'Anisin, A. (2026).', '', '### Archives', '', 'Deutsche Welle (2022).', '',
        '## Appendix', '', 'A table of cases.', '',
      ].join('\n'),
      { fileName: 'article.md' },
    );
    const marked = doc.blocks.map((b, i) => [doc.text.slice(b.start, b.end), apparatusBlocks(doc)[i]]);
    expect(marked).toEqual([
      ['Article', false],
      ['Keywords: CSTO, protest', true],
      ['First published online on 28 January 2026', true],
      ['Received wisdom holds otherwise.', false],
      ['References', true],
      ['Anisin, A. (2026).', true],
      ['Archives', true],
      ['Deutsche Welle (2022).', true],
      ['Appendix', false],
      ['A table of cases.', false],
    ]);
  });
});
