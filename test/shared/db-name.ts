/** An IndexedDB name no other test uses, with `label` in it to tell whose it is. */
export function testDbName(label = ''): string {
  return `crossread-test-${label ? `${label}-` : ''}${crypto.randomUUID()}`;
}
