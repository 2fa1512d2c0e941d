// Checks templates/assets/search/stemmer.js against the official Snowball English vocabulary.
// Usage (from anywhere): node tests/js/stemmer.test.mjs — exits non-zero on any mismatch.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem } from '../../templates/assets/search/stemmer.js';

const dataDir = fileURLToPath(new URL('../Archivist.Tests/TestData/snowball-english/', import.meta.url));
const lines = (name) => readFileSync(dataDir + name, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
const words = lines('voc.txt');
const expected = lines('output.txt');
if (words.at(-1) === '') words.pop();
if (expected.at(-1) === '') expected.pop();

if (words.length !== expected.length) {
  console.error(`voc.txt has ${words.length} lines but output.txt has ${expected.length}`);
  process.exit(1);
}

const mismatches = [];
for (let i = 0; i < words.length; i++) {
  const actual = stem(words[i]);
  if (actual !== expected[i]) mismatches.push(`line ${i + 1}: '${words[i]}' -> '${actual}', expected '${expected[i]}'`);
}

// What snippets rely on to skip stemming words that cannot match (analyzer.js, analyze with `wanted`):
// a stem keeps its word's first letter and is never longer than the word (a leading apostrophe, which
// Snowball drops, is the exception analyze makes too).
for (let i = 0; i < words.length; i++) {
  const w = words[i];
  if (w.startsWith("'")) continue;
  if (expected[i].length > w.length || (w.length > 0 && expected[i][0] !== w[0]))
    mismatches.push(`line ${i + 1}: '${w}' -> '${expected[i]}' changes the first letter or grows: analyze's shortcut would miss it`);
}

console.log(`stemmer.js: ${words.length - mismatches.length} of ${words.length} words match the Snowball English vocabulary`);
if (mismatches.length > 0) {
  console.error(`${mismatches.length} mismatches; the first ones:\n` + mismatches.slice(0, 20).join('\n'));
  process.exit(1);
}
