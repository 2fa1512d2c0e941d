// Prints the JS analyzer's token stream for each text of a JSON array, one token per line
// (term, start, end, position, stacked; tab-separated; a blank line after each text), so the
// C# test can compare it with EnglishAnalyzer's. Usage: node tests/js/analyzer-parity.mjs texts.json
import { readFileSync, writeSync } from 'node:fs';
import { analyze } from '../../templates/assets/search/analyzer.js';

const texts = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = [];
for (const text of texts) {
  for (const t of analyze(text)) lines.push(`${t.term}\t${t.start}\t${t.end}\t${t.position}\t${t.stacked ? 1 : 0}`);
  lines.push('');
}
writeSync(1, lines.join('\n') + '\n');
