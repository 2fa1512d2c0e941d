// Prints search-core.js snippets, one line per case, matches in [brackets], for SnippetParityTests.cs
// to compare with SnippetBuilder. Usage: node tests/js/snippet-parity.mjs CASES.json
// CASES.json: [{text, terms: {term: weight}}].
import { readFileSync, writeSync } from 'node:fs';
import { snippet } from '../../templates/assets/search/search-core.js';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = cases.map((c) => snippet(c.text, new Map(Object.entries(c.terms)))
  .map((p) => (p.mark ? `[${p.text}]` : p.text)).join('').replace(/\n/g, '\\n'));
writeSync(1, lines.join('\n') + '\n');
