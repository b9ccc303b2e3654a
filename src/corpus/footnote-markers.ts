import type { Root, Text, PhrasingContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/** The corpus writes a note number glued to a word as `word[^12]` without a definition (the
 * note texts are not in the transcriptions). remark-gfm leaves such undefined calls as text. */
const MARKER = /\[\^(\d+)\]/g;

/** Split a text value into text and marker pieces: pure, so it is tested without unified. */
export function splitMarkers(value: string): Array<{ text: string } | { note: string }> {
  const out: Array<{ text: string } | { note: string }> = [];
  let last = 0;
  for (const m of value.matchAll(MARKER)) {
    if (m.index > last) out.push({ text: value.slice(last, m.index) });
    out.push({ note: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ text: value.slice(last) });
  return out;
}

/** remark plugin: turn `[^n]` text into footnote-marker nodes rendered as `<sup class="fn">`. */
export function remarkFootnoteMarkers() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !MARKER.test(node.value)) return;
      MARKER.lastIndex = 0;
      const pieces: PhrasingContent[] = splitMarkers(node.value).map((p) =>
        'text' in p
          ? { type: 'text', value: p.text }
          : {
              type: 'text',
              value: p.note,
              data: {
                hName: 'sup',
                hProperties: { className: ['fn'], dataNote: p.note },
                hChildren: [{ type: 'text', value: p.note }],
              },
            },
      );
      parent.children.splice(index, 1, ...(pieces as typeof parent.children));
      return [SKIP, index + pieces.length];
    });
  };
}
