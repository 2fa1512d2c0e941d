// Builds a lunr index of the benchmark corpus: node lunr-build.mjs DOCS.jsonl OUT.json
// DOCS.jsonl: one {"u": url, "t": title, "b": body text, "c": comments text} per line.
import { readFileSync, writeFileSync } from 'node:fs';
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
writeFileSync(output, JSON.stringify(index));
console.log(`lunr: ${docs.length} documents`);
