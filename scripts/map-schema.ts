/**
 * `npm run schema`: writes docs/crossread-map.schema.json from the valibot schemas the
 * importer checks files with (src/exchange/map-file/schema.ts). Rules a JSON Schema cannot
 * say (modified not before created, unique tags, references that resolve) are listed in its
 * description; the importer enforces them.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapFileJsonSchema } from '../src/exchange/map-file/json-schema.ts';

const file = fileURLToPath(new URL('../docs/crossread-map.schema.json', import.meta.url));
writeFileSync(file, JSON.stringify(mapFileJsonSchema(), null, 2) + '\n');
console.log(`wrote ${file}`);
