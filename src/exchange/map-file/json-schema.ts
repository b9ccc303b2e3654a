/** The claim-map format as JSON Schema, for other tools (docs/crossread-map.schema.json). */
import { toJsonSchema } from '@valibot/to-json-schema';
import { MapFileSchema } from './schema.ts';

export function mapFileJsonSchema(): object {
  // `errorMode: 'ignore'`: cross-field checks (v.check) have no JSON Schema form; the description names them.
  const schema = toJsonSchema(MapFileSchema, { errorMode: 'ignore' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Crossread claim map, format version 1',
    description:
      'One author\u2019s layer of a claim map: the sources it refers to, its W3C Web Annotations, claims, links, events and map positions. ' +
      'Beyond this schema, a reader checks: every record\u2019s layer is the file\u2019s layer.id; ids are unique across the file; ' +
      'evidence, event bodies, claim events, link ends and positions refer to records in the file (or already held by the receiver: refers names the other maps, by their layer, that the receiver must import first); ' +
      'a passage\u2019s target.source is among sources (a source the receiver lacks carries its text); modified is not before created; ' +
      'tags and events are unique within a record; an annotation\u2019s motivation matches its body; an event\u2019s end is not before its start; ' +
      'a link joins two different claims; versions name at least one write.',
    ...schema,
  };
}
