// Ranks each query with search-core.js under Node over an index built with fragments, reads the first five hits
// from their fragments (as the search page does) and prints, per query, a JSON line [[url, where, snippet]], for
// SnippetParityTests.cs to compare with `archivist search --json`, which reads metadata chunks and Markdown.
// Usage: node tests/js/fragment-snippets.mjs INDEX_DIR QUERIES.json (QUERIES.json: ["query", …]).
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SearchIndex, rank, describe, snippet, passageText } from '../../templates/assets/search/search-core.js';

const [dir, queriesFile] = process.argv.slice(2);
const index = await SearchIndex.open(async (path) => new Uint8Array(readFileSync(join(dir, path))));
if (!index.hasFragments) throw new Error(`${dir} has no fragments`);
const lines = [];
for (const query of JSON.parse(readFileSync(queriesFile, 'utf8'))) {
  const ranking = await rank(index, { query, limit: 5 });
  const hits = await describe(index, ranking, 5, 5);
  lines.push(JSON.stringify(hits.map((h) => {
    if (!h.meta.x) throw new Error(`'${query}': hit ${h.meta.u} was not read from its fragment`);
    return [h.meta.u, h.where, snippet(passageText(h.meta, h.where), ranking.terms).map((p) => p.text).join('')];
  })));
}
writeSync(1, lines.join('\n') + '\n');
