/** `npm run sample-map`: writes corpus/maps/seminar-sample.json from scripts/sample-map/spec.ts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './corpus-files.ts';
import { buildSampleMap } from './sample-map/build.ts';

const file = fileURLToPath(new URL('../corpus/maps/seminar-sample.json', import.meta.url));
const map = await buildSampleMap(await loadCorpus());
writeFileSync(file, JSON.stringify(map, null, 2) + '\n');
console.log(`wrote ${file}: ${map.claims.length} claims, ${map.links.length} links, ${map.annotations.length} passages`);
