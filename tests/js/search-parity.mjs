// Runs templates/assets/search/search-core.js under Node over a built index and prints, per query, its
// hits as JSON lines, for tests/Archivist.Tests/Search/Client/SearchParityTests.cs to compare with
// `archivist search --json`. Usage: node tests/js/search-parity.mjs INDEX_DIR QUERIES.json
// QUERIES.json: [{query, limit, fromYear, toYear, order}]. Output: {"query", "total", "hits": [[url, score, where]],
// "used", "ignored" (words within and past the fetch budget), "units" (budget spent), "correction" ({shown, exact} or null), "estimated" (each hit's date_estimated), "files" (every index file read, sorted)}.
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SearchIndex, search } from '../../templates/assets/search/search-core.js';

const [dir, queriesFile] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(queriesFile, 'utf8'));
const lines = [];
for (const request of requests) {
  // A fresh index per query, as a fresh page load would have: each query's fetches stand alone.
  const files = new Set();
  const index = await SearchIndex.open(async (path) => {
    files.add(path);
    return new Uint8Array(readFileSync(join(dir, path)));
  });
  const result = await search(index, request);
  lines.push(JSON.stringify({
    query: request.query, total: result.total, hits: result.hits.map((h) => [h.meta.u, h.score, h.where]),
    correction: result.correction, passages: result.hits.map((h) => h.passages), estimated: result.hits.map((h) => h.meta.e === true),
    used: result.plan.usedWords, ignored: result.plan.ignoredWords, units: result.fetchUnits, files: [...files].sort(),
  }));
}
writeSync(1, lines.join('\n') + '\n');
