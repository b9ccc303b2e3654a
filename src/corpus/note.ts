import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

// Notes get light Markdown only: emphasis, code, lists, quotes and http(s)/mailto links.
// Raw HTML is dropped by remark-rehype and anything else is removed by the sanitizer.
const schema = {
  ...defaultSchema,
  tagNames: ['p', 'em', 'strong', 'code', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'del', 'pre'],
  attributes: { a: ['href', 'title'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobberPrefix: 'note-',
};
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();

/** Sanitized HTML of a note written in light Markdown. */
export function noteToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
