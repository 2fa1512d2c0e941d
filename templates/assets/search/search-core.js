// Archivist search client core: query parsing, analysis, index decoding and ranking, with no DOM.
// It is the same algorithm as src/Archivist/Search/Querying (the `archivist search` CLI): integer
// scores, ties to the newer post, identical expansion rules. tests/js/search-parity.mjs runs it under
// Node against the CLI. The browser UI (search-ui.js) and the tests inject how files are loaded.
import { analyze, normalized, stem } from './analyzer.js';

export const EXACT_WEIGHT = 4;
export const EXPANDED_WEIGHT = 3;
export const TYPO_THRESHOLD = 3;
export const MIN_PREFIX_LENGTH = 3;
export const MAX_PREFIX_EXPANSIONS = 3;
export const MAX_PREFIX_PAGES = 3;
export const COMMON_DIVISOR = 8; // prefix expansions skip terms in more than 1 in 8 documents
export const TYPO_MIN_LENGTH = 5;
export const MAX_CORRECTIONS = 3;
export const TYPO_FIXED_PREFIX = 2;
export const TYPO_PAGE_REACH = 1; // corrections are looked up in the stem's dictionary page and its neighbours
export const POST = 'post';
const FORMAT_VERSION = 1;
const HASH_LENGTH = 10;
const IDF_SCALE_DEFAULT = 64;

// ---- Numbers: the same IEEE operations, in the same order, as DeterministicLog.cs and Idf.cs.
const LN2 = 0.6931471805599453;
export function ln(x) {
  let e = 0;
  while (x >= 2) { x /= 2; e++; }
  const z = (x - 1) / (x + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0.0;
  for (let k = 1; k < 60; k += 2) { sum += term / k; term *= z2; }
  return e * LN2 + 2 * sum;
}
export function idf(documents, df, scale = IDF_SCALE_DEFAULT) {
  return Math.floor(ln(1 + (documents - df + 0.5) / (df + 0.5)) * scale + 0.5);
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // UTF-16 code unit order, as string.CompareOrdinal

// ---- Query parsing (QueryParser.cs).
const SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v', '\u00A0']);
export const isSpace = (c) => SPACE.has(c);

export function parseQuery(query) {
  const clauses = [];
  let i = 0;
  while (i < query.length) {
    if (isSpace(query[i])) { i++; continue; }
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !isSpace(query[i + 1])) { negated = true; i++; }
    if (query[i] === '"') {
      let end = query.indexOf('"', i + 1);
      if (end < 0) end = query.length;
      clauses.push({ text: query.slice(i + 1, end), negated, quoted: true });
      i = end + 1;
    } else {
      let end = i;
      while (end < query.length && !isSpace(query[end]) && query[end] !== '"') end++;
      clauses.push({ text: query.slice(i, end), negated, quoted: false });
      i = end;
    }
  }
  const last = clauses[clauses.length - 1];
  const prefixOpen = clauses.length > 0 && !isSpace(query[query.length - 1]) && !last.quoted && !last.negated;
  return { clauses, prefixOpen };
}

// ---- Binary decoding (VarIntReader.cs, ShardCodec.cs, TermEntryCodec.cs).
class Reader {
  constructor(bytes) { this.bytes = bytes; this.offset = 0; }
  int() {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.bytes.length) throw new Error('varint runs past the end of the data');
      const b = this.bytes[this.offset++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  }
  byte() { return this.bytes[this.offset++]; }
  take(n) { const s = this.bytes.subarray(this.offset, this.offset + n); this.offset += n; return s; }
  gaps(count) {
    const values = new Array(count);
    let previous = 0;
    for (let i = 0; i < count; i++) values[i] = previous += this.int();
    return values;
  }
}

const utf8 = new TextDecoder();

/** A shard's terms → their entry bytes. */
export function decodeShard(bytes) {
  const r = new Reader(bytes);
  if (r.byte() !== 1) throw new Error('unknown shard version');
  const count = r.int();
  const heads = [];
  let previous = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const shared = r.int();
    const suffix = r.take(r.int());
    const term = new Uint8Array(shared + suffix.length);
    term.set(previous.subarray(0, shared));
    term.set(suffix, shared);
    heads.push([utf8.decode(term), r.int()]);
    previous = term;
  }
  const entries = new Map();
  let offset = r.offset;
  for (const [term, length] of heads) { entries.set(term, bytes.subarray(offset, offset + length)); offset += length; }
  return entries;
}

/** A term entry: {docs, impacts, positions: Map(doc → positions)}. */
export function decodeTermEntry(bytes) {
  const r = new Reader(bytes);
  const flags = r.byte();
  const df = r.int();
  let docs;
  const kind = flags & 3;
  if (kind === 0) docs = r.gaps(df);
  else if (kind === 1) {
    const universe = r.int();
    const bits = r.take((universe + 7) >> 3);
    docs = [];
    for (let d = 0; d < universe; d++) if (bits[d >> 3] & (1 << (d & 7))) docs.push(d);
  } else {
    const universe = r.int();
    const absent = r.gaps(r.int());
    docs = [];
    let a = 0;
    for (let d = 0; d < universe; d++) {
      if (a < absent.length && absent[a] === d) { a++; continue; }
      docs.push(d);
    }
  }
  if (docs.length !== df) throw new Error('membership does not hold df documents');
  let impacts;
  if ((flags & 4) === 0) impacts = Array.from(r.take(df));
  else {
    const top = r.gaps(r.int());
    const exact = r.take(top.length);
    impacts = new Array(df).fill(r.byte());
    for (let i = 0, j = 0; i < df && j < top.length; i++) if (docs[i] === top[j]) impacts[i] = exact[j++];
  }
  const positioned = (flags & 8) !== 0 ? docs : r.gaps(r.int());
  const positions = new Map();
  for (const d of positioned) positions.set(d, r.gaps(r.int()));
  return { docs, impacts, positions };
}

// ---- The index, read through an injected loader: load(path) → Promise<Uint8Array>, path relative to the index folder.
export class SearchIndex {
  static async open(load) {
    const entry = JSON.parse(utf8.decode(await load('index.json')));
    if (entry.format !== FORMAT_VERSION) throw new Error(`index format ${entry.format}, client reads ${FORMAT_VERSION}`);
    return new SearchIndex(load, entry);
  }

  constructor(load, entry) {
    this.load = load;
    this.entry = entry;
    this.files = new Map();
    this.terms = new Map();
  }

  file(path) {
    if (!this.files.has(path)) this.files.set(path, this.load(path));
    return this.files.get(path);
  }

  json(path) {
    const key = 'json:' + path;
    if (!this.files.has(key)) this.files.set(key, this.file(path).then((b) => JSON.parse(utf8.decode(b))));
    return this.files.get(key);
  }

  idfOf(entry) { return idf(this.entry.documents, entry.docs.length, this.entry.idfScale); }

  // IndexReader.cs: the main and tail segments each have dictionary pages and shards; a term's entries merge.
  pageIndex(segment, term) {
    const pages = this.entry.segments[segment].pages;
    let lo = 0;
    let hi = pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compare(pages[mid].from, term) <= 0) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  page(segment, index) { return this.json(this.entry.segments[segment].pages[index].file); }

  /** Terms starting with prefix → df summed over segments, from at most maxPages pages of each segment. */
  async termsWithPrefix(prefix, maxPages) {
    const pages = [];
    for (let s = 0; s < this.entry.segments.length; s++) {
      const first = this.pageIndex(s, prefix);
      const last = Math.min(this.pageIndex(s, prefix + '\uffff'), first + maxPages - 1);
      for (let p = first; p <= last; p++) pages.push(this.page(s, p)); // all segments' pages at once
    }
    const found = new Map();
    for (const page of await Promise.all(pages)) {
      page.terms.forEach((t, i) => { if (t.startsWith(prefix)) found.set(t, (found.get(t) ?? 0) + page.df[i]); });
    }
    return found;
  }

  /** A term's df over the segments; with near, only segments where its page is within reach of near's. */
  async df(term, near = null, reach = 0) {
    const pages = [];
    for (let s = 0; s < this.entry.segments.length; s++) {
      const p = this.pageIndex(s, term);
      if (near === null || Math.abs(p - this.pageIndex(s, near)) <= reach) pages.push(this.page(s, p));
    }
    let df = 0;
    for (const page of await Promise.all(pages)) {
      const at = indexOf(page.terms, term);
      if (at >= 0) df += page.df[at];
    }
    return df;
  }

  /** A term's decoded entry (segments merged), or null when no document holds it. */
  lookup(term) {
    if (!this.terms.has(term)) this.terms.set(term, this.#find(term));
    return this.terms.get(term);
  }

  async #find(term) {
    const parts = (await Promise.all(this.entry.segments.map((_, s) => this.#findIn(s, term)))).filter((p) => p !== null);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0];
    return {
      docs: parts.flatMap((p) => p.docs),
      impacts: parts.flatMap((p) => p.impacts),
      positions: new Map(parts.flatMap((p) => [...p.positions])),
    };
  }

  async #findIn(segment, term) {
    const page = await this.page(segment, this.pageIndex(segment, term));
    const at = indexOf(page.terms, term);
    if (at < 0) return null;
    let s = 0;
    let first = 0;
    while (first + page.shards[s].terms <= at) first += page.shards[s++].terms;
    const key = 'shard:' + page.shards[s].file;
    if (!this.files.has(key)) this.files.set(key, this.file(page.shards[s].file).then(decodeShard));
    const bytes = (await this.files.get(key)).get(term);
    if (!bytes) throw new Error(`'${term}' is listed in a dictionary page but missing from its shard`);
    return decodeTermEntry(bytes);
  }

  async meta(doc) {
    const size = this.entry.metaChunkSize;
    const chunk = Math.floor(doc / size);
    const hash = this.entry.meta.slice(chunk * HASH_LENGTH, (chunk + 1) * HASH_LENGTH);
    const metas = await this.json(`m/${hash}.json`);
    return metas[doc % size];
  }
}

export function indexOf(sorted, term) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compare(sorted[mid], term);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** Most frequent first, ties in term order (QueryPlanner.Ranked). candidates: Map(term → df). */
function ranked(candidates, take) {
  return [...candidates].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).slice(0, take).map((c) => c[0]);
}

// ---- Planning (QueryPlanner.cs).
async function prefixExpansions(index, prefix, exact) {
  const cuts = [];
  for (let cut = 1; cut <= 3 && prefix.length - cut >= 4; cut++) cuts.push(prefix.slice(0, prefix.length - cut));
  const [candidates, dfs] = await Promise.all([index.termsWithPrefix(prefix, MAX_PREFIX_PAGES), Promise.all(cuts.map((t) => index.df(t)))]);
  cuts.forEach((shorter, k) => { if (dfs[k] > 0) candidates.set(shorter, dfs[k]); });
  candidates.delete(exact);
  for (const [term, df] of [...candidates]) if (df > Math.floor(index.entry.documents / COMMON_DIVISOR)) candidates.delete(term);
  return ranked(candidates, MAX_PREFIX_EXPANSIONS);
}

export async function plan(index, parsed) {
  const clauses = [];
  for (let c = 0; c < parsed.clauses.length; c++) {
    const clause = parsed.clauses[c];
    const tokens = analyze(clause.text).filter((t) => !t.stacked);
    if (tokens.length === 0) continue;
    const slots = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      index.lookup(t.term).catch(() => {}); // start fetching now, in parallel with prefix expansion; awaited later
      const surface = normalized(clause.text.slice(t.start, t.end)) ?? t.term;
      const prefix = parsed.prefixOpen && c === parsed.clauses.length - 1 && i === tokens.length - 1 && surface.length >= MIN_PREFIX_LENGTH;
      const alternatives = [{ term: t.term, exact: true }];
      if (prefix) for (const term of await prefixExpansions(index, surface, t.term)) alternatives.push({ term, exact: false });
      slots.push({ offset: t.position - tokens[0].position, surface, alternatives, isPrefix: prefix });
    }
    clauses.push({ slots, negated: clause.negated, quoted: clause.quoted });
  }
  return { clauses };
}

// ---- Typo tolerance (TypoExpander.cs).
export function* variants(w) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = TYPO_FIXED_PREFIX; i < w.length; i++) yield w.slice(0, i) + w.slice(i + 1);
  for (let i = TYPO_FIXED_PREFIX; i + 1 < w.length; i++) if (w[i] !== w[i + 1]) yield w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  for (let i = TYPO_FIXED_PREFIX; i < w.length; i++) for (const c of letters) if (c !== w[i]) yield w.slice(0, i) + c + w.slice(i + 1);
  for (let i = TYPO_FIXED_PREFIX; i <= w.length; i++) for (const c of letters) yield w.slice(0, i) + c + w.slice(i);
}

async function corrections(index, word, exact) {
  const tried = new Set([exact]);
  const list = [];
  for (const v of variants(word)) {
    const s = stem(v);
    if (tried.has(s)) continue;
    tried.add(s);
    list.push(s);
  }
  const dfs = await Promise.all(list.map((s) => index.df(s, exact, TYPO_PAGE_REACH)));
  const candidates = new Map();
  list.forEach((s, k) => { if (dfs[k] > 0) candidates.set(s, dfs[k]); });
  return ranked(candidates, MAX_CORRECTIONS);
}

// Only words the archive does not know get corrections (Lucene's SUGGEST_WHEN_NOT_IN_INDEX).
export async function widen(index, thePlan) {
  let changed = false;
  const clauses = [];
  for (const clause of thePlan.clauses) {
    if (clause.negated || clause.quoted) { clauses.push(clause); continue; }
    const slots = [];
    for (const slot of clause.slots) {
      if (slot.surface.length < TYPO_MIN_LENGTH || (await index.lookup(slot.alternatives[0].term)) !== null) { slots.push(slot); continue; }
      const found = await corrections(index, slot.surface, slot.alternatives[0].term);
      if (found.length === 0) { slots.push(slot); continue; }
      changed = true;
      slots.push({ ...slot, alternatives: [...slot.alternatives, ...found.map((term) => ({ term, exact: false }))] });
    }
    clauses.push({ ...clause, slots });
  }
  return changed ? { clauses } : null;
}

// ---- Evaluation (QueryEvaluator.cs, PhraseMatcher.cs).
const required = (p) => p.clauses.filter((c) => !c.negated);
const allSlots = (clauses) => clauses.flatMap((c) => c.slots);

async function entriesOf(index, thePlan) {
  const terms = [...new Set(allSlots(thePlan.clauses).flatMap((s) => s.alternatives.map((a) => a.term)))];
  const found = await Promise.all(terms.map((t) => index.lookup(t)));
  return new Map(terms.map((t, i) => [t, found[i]]));
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

function slotScores(index, entries, slot, from, to) {
  const scores = new Map();
  for (const alternative of slot.alternatives) {
    const entry = entries.get(alternative.term);
    if (!entry) continue;
    const weight = index.idfOf(entry) * (alternative.exact ? EXACT_WEIGHT : EXPANDED_WEIGHT);
    for (let i = lowerBound(entry.docs, from); i < entry.docs.length && entry.docs[i] < to; i++) {
      const score = weight * entry.impacts[i];
      const doc = entry.docs[i];
      const best = scores.get(doc);
      if (best === undefined || score > best) scores.set(doc, score);
    }
  }
  return scores;
}

function slotPositions(entries, slot, doc) {
  let positions = null;
  for (const alternative of slot.alternatives) {
    const ps = entries.get(alternative.term)?.positions.get(doc);
    if (!ps) continue;
    positions ??= new Set();
    for (const p of ps) positions.add(p);
  }
  return positions;
}

const phraseMatches = (entries, clause, doc) => linedUp(entries, clause.slots.map((s) => [s.offset, s]), doc, false);

// PhraseMatcher.LinedUp: strict needs every slot's positions known (the proximity bonus).
function linedUp(entries, slots, doc, strict) {
  const known = [];
  for (const [offset, slot] of slots) {
    const positions = slotPositions(entries, slot, doc);
    if (positions) known.push([offset, positions]);
    else if (strict) return false;
  }
  if (known.length < 2) return !strict;
  const [firstOffset, firstPositions] = known[0];
  for (const p of firstPositions) {
    const start = p - firstOffset;
    if (known.slice(1).every(([offset, ps]) => ps.has(start + offset))) return true;
  }
  return false;
}

function evaluate(index, entries, thePlan, from, to) {
  let scores = null;
  for (const slot of allSlots(required(thePlan))) {
    const more = slotScores(index, entries, slot, from, to);
    if (scores === null) scores = more;
    else {
      const both = new Map();
      for (const [doc, score] of scores) { const m = more.get(doc); if (m !== undefined) both.set(doc, score + m); }
      scores = both;
    }
    if (scores.size === 0) break;
  }
  if (scores === null) return new Map();
  for (const clause of required(thePlan)) {
    if (clause.slots.length < 2) continue;
    for (const doc of [...scores.keys()]) if (!phraseMatches(entries, clause, doc)) scores.delete(doc);
  }
  for (const clause of thePlan.clauses.filter((c) => c.negated)) {
    const holding = clause.slots.map((s) => slotScores(index, entries, s, from, to));
    for (const doc of [...scores.keys()]) {
      if (holding.every((h) => h.has(doc)) && (clause.slots.length < 2 || phraseMatches(entries, clause, doc))) scores.delete(doc);
    }
  }
  const adjacent = allSlots(required(thePlan).filter((c) => !c.quoted)).map((s, i) => [i, s]);
  if (adjacent.length >= 2) {
    for (const [doc, score] of scores) if (linedUp(entries, adjacent, doc, true)) scores.set(doc, score + Math.floor(score / 2));
  }
  return scores;
}

// ---- Where the best match is (PassageLocator.cs).
function locate(index, entries, thePlan, doc, meta) {
  const starts = [];
  meta.p.forEach((gap, i) => starts.push((i === 0 ? 0 : starts[i - 1]) + gap));
  const scores = new Array(starts.length).fill(0);
  for (const slot of allSlots(required(thePlan))) {
    const best = new Array(starts.length).fill(0);
    for (const alternative of slot.alternatives) {
      const entry = entries.get(alternative.term);
      const positions = entry?.positions.get(doc);
      if (!positions) continue;
      const w = index.idfOf(entry);
      for (const p of positions) {
        const passage = passageOf(starts, p);
        best[passage] = Math.max(best[passage], w);
      }
    }
    for (let i = 0; i < scores.length; i++) scores[i] += best[i];
  }
  let winner = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[winner]) winner = i;
  if (winner < 2 || scores[winner] === 0) return POST;
  return meta.c.split(' ')[winner - 2];
}

function passageOf(starts, position) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= position) lo = mid; else hi = mid - 1; }
  return lo;
}

function docRange(index, fromYear, toYear) {
  if (fromYear == null && toYear == null) return [0, index.entry.documents];
  const years = index.entry.years.filter((y) => (fromYear == null || y.year >= fromYear) && (toYear == null || y.year <= toYear));
  return years.length === 0 ? [0, 0] : [years[0].from, years[years.length - 1].to];
}

/** Each matched term of a plan → its quantised idf + 1 (SearchResults.TermWeights): what snippets weigh and highlight. */
function termWeights(index, entries, thePlan) {
  const weights = new Map();
  for (const slot of allSlots(required(thePlan))) {
    for (const a of slot.alternatives) {
      const entry = entries.get(a.term);
      if (entry) weights.set(a.term, index.idfOf(entry) + 1);
    }
  }
  return weights;
}

/**
 * Runs a query (QueryEngine.cs). request: {query, limit = 10, fromYear, toYear, order: 'relevance' | 'date'}.
 * Returns {total, hits: [{doc, score, where, meta: {u, t, d, p, c}}], plan, widened, terms: Map(term → weight)}.
 */
export async function search(index, request) {
  const limit = request.limit ?? 10;
  let thePlan = await plan(index, parseQuery(request.query));
  const [from, to] = docRange(index, request.fromYear, request.toYear);
  let entries = await entriesOf(index, thePlan);
  let scores = evaluate(index, entries, thePlan, from, to);
  const exact = scores;
  let widened = false;
  if (scores.size < TYPO_THRESHOLD) {
    const wider = await widen(index, thePlan);
    if (wider) {
      thePlan = wider;
      entries = await entriesOf(index, thePlan);
      scores = evaluate(index, entries, thePlan, from, to);
      widened = scores.size > exact.size; // only when corrections found more
    }
  }
  const ordered = [...scores].sort(request.order === 'date'
    ? (a, b) => b[0] - a[0]
    : (a, b) => (exact.has(b[0]) - exact.has(a[0])) || b[1] - a[1] || b[0] - a[0]);
  const shown = ordered.slice(0, Math.max(0, limit));
  const metas = await Promise.all(shown.map(([doc]) => index.meta(doc)));
  const hits = shown.map(([doc, score], i) => ({ doc, score, where: locate(index, entries, thePlan, doc, metas[i]), meta: metas[i] }));
  return { total: scores.size, hits, plan: thePlan, widened, terms: termWeights(index, entries, thePlan) };
}

// ---- Snippets (SnippetBuilder.cs): the window of a passage's text around the best match.
export const WINDOW_WORDS = 30;
export const LEAD_WORDS = 4;
export const ELLIPSIS = '…';

/**
 * A snippet as parts [{text, mark}], ellipses included, whitespace collapsed; terms: Map(term → weight) as
 * search() returns. Build DOM from the parts with text nodes and <mark> elements, never as HTML.
 */
export function snippet(text, terms) {
  const all = analyze(text);
  const words = all.filter((t) => !t.stacked);
  if (words.length === 0) return [];
  // A word is matched by its own term or by a matched stacked compound spanning it. Marking each compound's
  // span (words are in text order) keeps this linear; asking every word about every token took minutes on a
  // long post and froze the page meanwhile.
  const matched = words.map((w) => terms.has(w.term));
  for (const s of all) {
    if (!s.stacked || !terms.has(s.term)) continue;
    for (let k = firstWordFrom(words, s.start); k < words.length && words[k].start < s.end; k++) {
      if (words[k].end <= s.end) matched[k] = true;
    }
  }
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < words.length; i++) {
    if (!matched[i] && i > 0) continue;
    const distinct = new Set();
    let count = 0;
    let weight = 0;
    for (let k = i; k < Math.min(words.length, i + WINDOW_WORDS); k++) {
      if (!matched[k]) continue;
      if (!distinct.has(words[k].term)) { distinct.add(words[k].term); weight += terms.get(words[k].term) ?? 1; }
      count++;
    }
    const score = weight * 1000 + count;
    if (score > bestScore) { bestScore = score; best = i; }
  }
  const start = matched[best] ? Math.max(0, best - LEAD_WORDS) : 0;
  const end = Math.min(words.length, start + WINDOW_WORDS);
  const parts = [];
  const push = (t, mark) => {
    if (t.length === 0) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark && !mark) last.text += t; else parts.push({ text: t, mark });
  };
  if (start > 0) push(ELLIPSIS, false);
  for (let k = start; k < end; k++) {
    if (k > start) push(collapse(text.slice(words[k - 1].end, words[k].start)), false);
    push(text.slice(words[k].start, words[k].end), matched[k]);
  }
  if (end < words.length) push(ELLIPSIS, false);
  return parts;
}

/** The index of the first word starting at or after `start` (words are in text order). */
function firstWordFrom(words, start) {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle].start < start) low = middle + 1; else high = middle;
  }
  return low;
}

/** The whole text as parts [{text, mark}], matched words marked: for titles, shown in full. */
export function highlight(text, terms) {
  const all = analyze(text);
  const parts = [];
  let at = 0;
  for (const w of all) {
    if (w.stacked || w.start < at) continue;
    const hit = terms.has(w.term) || all.some((s) => s.stacked && s.start <= w.start && s.end >= w.end && terms.has(s.term));
    if (!hit) continue;
    if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
    parts.push({ text: text.slice(w.start, w.end), mark: true });
    at = w.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

function collapse(gap) {
  let out = '';
  let inSpace = false;
  for (const c of gap) {
    if (isSpace(c)) { if (!inSpace) out += ' '; inSpace = true; } else { out += c; inSpace = false; }
  }
  return out;
}
