// Builds a lunr index of the benchmark corpus: node lunr-build.mjs DOCS.jsonl OUT.json
// DOCS.jsonl: one {"u": url, "t": title, "b": body text, "c": comments text} per line.
// The index is written piece by piece: at 10,000 posts its JSON is longer than V8's longest string.
import { openSync, writeSync, closeSync, readFileSync } from 'node:fs';
import lunr from 'lunr';

const [input, output] = process.argv.slice(2);
const docs = readFileSync(input, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const index = lunr(function build() {
  this.ref('u');
  this.field('t', { boost: 5 });
  this.field('b');
  this.field('c');
  for (const d of docs) this.add(d);
});

const json = index.toJSON();
const fd = openSync(output, 'w');
const write = (s) => writeSync(fd, s);
const array = (items) => {
  write('[');
  items.forEach((item, i) => write((i > 0 ? ',' : '') + JSON.stringify(item)));
  write(']');
};
write(`{"version":${JSON.stringify(json.version)},"fields":${JSON.stringify(json.fields)},"fieldVectors":`);
array(json.fieldVectors);
write(',"invertedIndex":');
array(json.invertedIndex);
write(`,"pipeline":${JSON.stringify(json.pipeline)}}`);
closeSync(fd);
console.log(`lunr: ${docs.length} documents`);
