import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';

/** GitHub's schema (no scripts, no event handlers, only safe URL protocols) plus the
 * footnote-marker class and note number that remarkFootnoteMarkers emits. */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    sup: [...(defaultSchema.attributes?.['sup'] ?? []), ['className', 'fn'], 'dataNote'],
  },
};
