import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { linkBadge } from '../../../src/components/shared/relations.ts';

/** What a sighted reader sees and what a screen reader says, for a link read from its left claim. */
function read(relation: 'supports' | 'contradicts' | 'qualifies', direction: 'out' | 'in' | 'mutual') {
  const el = document.createElement('div');
  render(linkBadge({ link: { relation }, direction }), el);
  return { seen: el.querySelector('[aria-hidden="true"]')!.textContent.replace(/\s+/g, ' ').trim(), said: el.querySelector('.sr-only')!.textContent };
}

describe('linkBadge', () => {
  it('points where a link points, says it in words, and gives contradicts no arrow', () => {
    expect(read('supports', 'out')).to.deep.equal({ seen: '▲ supports →', said: 'supports' });
    expect(read('qualifies', 'in')).to.deep.equal({ seen: '← ◆ qualifies', said: 'is qualified by' });
    expect(read('contradicts', 'mutual')).to.deep.equal({ seen: '⨯ contradicts', said: 'contradicts' });
  });
});
