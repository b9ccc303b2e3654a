import { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } from '@argdown/core';
const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');
const input = process.argv[2];
const r = app.run({ input, process: ['parse-input', 'build-model'] });
console.log(JSON.stringify(r.parserErrors?.map(e=>e.message)), r.lexerErrors?.length, Object.keys(r.statements||{}), (r.relations||[]).map(x=>[x.from.title,x.relationType,x.to.title]));
for (const s of Object.values(r.statements||{})) console.log(JSON.stringify(s.members.map(m=>m.text)), s.tags, JSON.stringify(s.data));
