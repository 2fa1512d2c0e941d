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
export const COMMON_DIVISOR = 8; // completions skip terms in more than 1 in 8 documents…
export const COMMON_FLOOR = 64; // …and in more than 64 (QueryPlanner.IsCommon)
export const MAX_STEM_CUT = 3;
export const MIN_STEM_LENGTH = 4;
export const TYPO_MIN_LENGTH = 5;
export const MAX_CORRECTIONS = 3;
export const TYPO_FIXED_PREFIX = 2;
export const TYPO_PAGE_REACH = 1; // corrections are looked up in the stem's dictionary page and its neighbours
export const TYPO_MAX_FAR_PAGES = 3; // and edits of the first two letters in at most 3 other pages per segment
// The fetch budget (FetchBudget.cs): a query reads at most 36 units of term shards (3 units, ≤ 12 KiB each)
// and dictionary pages (1 unit, ≤ 4 KB gzipped), each file counted once, beyond the entry files and metadata.
export const SHARD_UNITS = 3;
export const PAGE_UNITS = 1;
export const MAX_FETCH_UNITS = 36;
// How an alternative relates to what was typed (MatchKind in QueryPlan.cs).
export const EXACT = 'exact';
export const COMPLETION = 'completion';
export const STEM = 'stem';
export const CORRECTION = 'correction';
export const POST = 'post';
const FORMAT_VERSION = 2;
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
  // Opening reads the entry file and every segment's shard table (in parallel), which the page does as it
  // loads: a query's exact words then cost one round trip each, straight to their shards.
  // `respond(path)` → Promise<Response>, optional: fragments are then inflated as their bytes arrive (in a browser
  // that is measurably sooner than reading the whole body first); without it they are read through `load`.
  static async open(load, respond = null) {
    const entry = JSON.parse(utf8.decode(await load('index.json')));
    if (entry.format !== FORMAT_VERSION) throw new Error(`index format ${entry.format}, client reads ${FORMAT_VERSION}`);
    const index = new SearchIndex(load, entry);
    index.respond = respond;
    index.tables = await Promise.all(entry.segments.map((segment) => index.json(segment.shards)));
    return index;
  }

  constructor(load, entry) {
    this.load = load;
    this.entry = entry;
    this.files = new Map();
    this.terms = new Map();
    this.tables = [];
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

  // Memoised on the entry: scoring asks for it once per candidate document, and ln() is a 30-term series.
  idfOf(entry) { return entry.idf ??= idf(this.entry.documents, entry.docs.length, this.entry.idfScale); }

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

  /** A term's df over the segments. */
  async df(term) {
    const pages = [];
    for (let s = 0; s < this.entry.segments.length; s++) pages.push(this.page(s, this.pageIndex(s, term)));
    let df = 0;
    for (const page of await Promise.all(pages)) {
      const at = indexOf(page.terms, term);
      if (at >= 0) df += page.df[at];
    }
    return df;
  }

  /**
   * The df of many terms at once: located[k][s] is the page of segment s to read for terms[k], or −1 to skip
   * it (asked in term order, then segment order, as IndexReader.Df). The pages are fetched together, once,
   * and then read synchronously (a typo's 600 or so candidate stems would otherwise each await their own promises).
   */
  async dfs(terms, located) {
    const wanted = new Map(); // page file → page promise
    const files = located.map((pages) => pages.map((p, s) => {
      if (p < 0) return null;
      const file = this.entry.segments[s].pages[p].file;
      if (!wanted.has(file)) wanted.set(file, this.page(s, p));
      return file;
    }));
    const names = [...wanted.keys()];
    const loaded = new Map((await Promise.all(wanted.values())).map((page, i) => [names[i], page]));
    return terms.map((term, k) => {
      let df = 0;
      for (const file of files[k]) {
        if (file !== null) df += dfOn(loaded.get(file), term);
      }
      return df;
    });
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

  /** The shard of a segment a lookup of term reads, from the shard table alone (IndexReader.ShardPath), or null. */
  shardPath(segment, term) {
    const table = this.tables[segment];
    const at = lastAtMost(table.first, term);
    return at < 0 ? null : `t/${table.files.slice(at * HASH_LENGTH, (at + 1) * HASH_LENGTH)}.bin`;
  }

  // The shard table (IndexReader.LookupIn): the last shard whose first term is ≤ the term holds it, if any does.
  async #findIn(segment, term) {
    const file = this.shardPath(segment, term);
    if (file === null) return null;
    const key = 'shard:' + file;
    if (!this.files.has(key)) this.files.set(key, this.file(file).then(decodeShard));
    const bytes = (await this.files.get(key)).get(term);
    return bytes ? decodeTermEntry(bytes) : null;
  }

  /** Whether the build wrote fragments (DocumentFragment.cs): each document's metadata and passage texts in one file. */
  get hasFragments() { return this.entry.segments.some((segment) => segment.fragments); }

  /** A document's fragment, {u, t, d, p, c, x: [body, each comment]}: its metadata, fetched with its text. */
  fragment(doc) {
    const segment = this.entry.segments.find((s) => doc >= s.from && doc < s.to);
    const path = `f/${segment.fragments}/${doc - segment.from}.bin`;
    const key = 'fragment:' + path;
    if (!this.files.has(key)) {
      this.files.set(key, this.respond !== null
        ? this.respond(path).then((response) => inflateJson(response.body))
        : this.file(path).then((bytes) => inflateJson(new Blob([bytes]).stream())));
    }
    return this.files.get(key);
  }

  async meta(doc) {
    const size = this.entry.metaChunkSize;
    const chunk = Math.floor(doc / size);
    const hash = this.entry.meta.slice(chunk * HASH_LENGTH, (chunk + 1) * HASH_LENGTH);
    const metas = await this.json(`m/${hash}.json`);
    return metas[doc % size];
  }
}

/** Raw deflate of UTF-8 JSON (GitHub Pages serves .bin as it is), inflated by the browser's own DecompressionStream. */
function inflateJson(stream) {
  return new Response(stream.pipeThrough(new DecompressionStream('deflate-raw'))).json();
}

/** A passage's text from a fragment: the body for POST (a title match shows the body too) or the comment's. */
export function passageText(fragment, where) {
  const at = where === POST ? -1 : fragment.c.split(' ').indexOf(where);
  return fragment.x[at + 1] ?? fragment.x[0] ?? '';
}

/** Index of the last element ≤ term in a sorted array, or −1. */
function lastAtMost(sorted, term) {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compare(sorted[mid], term) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

// A term's df on a dictionary page, 0 when absent; a typo looks up some 600 stems on the same few pages, so each
// page gets a hash map once (kept with the page) instead of a binary search per stem.
function dfOn(page, term) {
  if (page.byTerm === undefined) page.byTerm = new Map(page.terms.map((t, i) => [t, page.df[i]]));
  return page.byTerm.get(term) ?? 0;
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

// ---- The fetch budget (FetchBudget.cs): every shard and dictionary page a query reads is admitted first.
export class FetchBudget {
  constructor(index) { this.index = index; this.files = new Set(); this.used = 0; }

  /** Admits the shards looking up terms reads and the pages [[segment, page]] if all fit with what is admitted; else nothing. */
  admit(terms, pages = []) {
    const added = new Set();
    let cost = 0;
    for (const term of terms) {
      for (let s = 0; s < this.index.entry.segments.length; s++) {
        const path = this.index.shardPath(s, term);
        if (path === null || this.files.has(path) || added.has(path)) continue;
        added.add(path);
        cost += SHARD_UNITS;
      }
    }
    for (const [segment, page] of pages) {
      const path = this.index.entry.segments[segment].pages[page].file;
      if (this.files.has(path) || added.has(path)) continue;
      added.add(path);
      cost += PAGE_UNITS;
    }
    if (this.used + cost > MAX_FETCH_UNITS) return false;
    this.used += cost;
    for (const path of added) this.files.add(path);
    return true;
  }
}

// ---- Planning (QueryPlanner.cs).
export const isCommon = (df, documents) => df > Math.max(COMMON_FLOOR, Math.floor(documents / COMMON_DIVISOR));
const isExact = (alternative) => alternative.kind === EXACT;
const completes = (slot) => slot.alternatives.some((a) => a.kind === COMPLETION);
const width = (reading) => reading.slots[reading.slots.length - 1].offset + 1;

/** The open word shortened by 1 to MAX_STEM_CUT letters, longest first, none shorter than MIN_STEM_LENGTH. */
function cutsOf(prefix) {
  const cuts = [];
  for (let cut = 1; cut <= MAX_STEM_CUT && prefix.length - cut >= MIN_STEM_LENGTH; cut++) cuts.push(prefix.slice(0, prefix.length - cut));
  return cuts;
}

// The pages prefix matching reads: per segment up to MAX_PREFIX_PAGES from the prefix's, and each cut's page.
function prefixPages(index, prefix) {
  const pages = [];
  for (let s = 0; s < index.entry.segments.length; s++) {
    const first = index.pageIndex(s, prefix);
    const last = Math.min(index.pageIndex(s, prefix + '\uffff'), first + MAX_PREFIX_PAGES - 1);
    for (let p = first; p <= last; p++) pages.push([s, p]);
  }
  for (const cut of cutsOf(prefix)) for (let s = 0; s < index.entry.segments.length; s++) pages.push([s, index.pageIndex(s, cut)]);
  return pages;
}

// Completions (common ones left out, but a word the archive lacks keeps its most frequent), then, for a word
// the archive lacks, the longest held cut: the stem it is heading for ("restor" for "restora", not "rest").
// All within the budget: the pages all or none, then each term as long as its shards fit.
async function prefixExpansions(index, prefix, exact, budget) {
  if (!budget.admit([], prefixPages(index, prefix))) return [];
  const cuts = cutsOf(prefix);
  const [completions, dfs, held] = await Promise.all([
    index.termsWithPrefix(prefix, MAX_PREFIX_PAGES), Promise.all(cuts.map((t) => index.df(t))), index.lookup(exact)]);
  completions.delete(exact);
  const order = ranked(completions, Infinity);
  const kept = [];
  for (const t of order) {
    if (kept.length === MAX_PREFIX_EXPANSIONS) break;
    if (!isCommon(completions.get(t), index.entry.documents) && budget.admit([t])) kept.push(t);
  }
  if (kept.length === 0 && held === null && order.length > 0 && budget.admit([order[0]])) kept.push(order[0]);
  const alternatives = kept.map((term) => ({ term, kind: COMPLETION }));
  const stem = cuts.find((t, k) => t !== exact && dfs[k] > 0);
  if (held === null && stem !== undefined && budget.admit([stem])) alternatives.push({ term: stem, kind: STEM });
  return alternatives;
}

// A slot with its exact term; the open word's (MIN_PREFIX_LENGTH letters or more) is a prefix, expanded once its clause is admitted.
function makeSlot(text, token, offset, open) {
  const surface = surfaceOf(text, token);
  return { offset, surface, alternatives: [{ term: token.term, kind: EXACT }], isPrefix: open && surface.length >= MIN_PREFIX_LENGTH };
}

const surfaceOf = (text, t) => normalized(text.slice(t.start, t.end)) ?? t.term;

// The parts of a word; a compound's open last part shorter than MIN_PREFIX_LENGTH is held back while typed.
function partsReading(text, parts, open, expand) {
  if (open && parts.length > 1 && surfaceOf(text, parts[parts.length - 1]).length < MIN_PREFIX_LENGTH) parts = parts.slice(0, -1);
  return { slots: parts.map((t, i) => makeSlot(text, t, t.position - parts[0].position, open && expand && i === parts.length - 1)) };
}

// Each hyphenated compound as its stacked joined term, one position wide; other words as they are.
function joinedReading(text, tokens, parts, open) {
  const units = [];
  const first = parts[0].position;
  let shift = 0; // positions saved by the compounds joined so far
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.stacked) continue;
    const next = tokens[i + 1];
    const compound = next !== undefined && next.stacked && next.start === t.start ? next : null;
    units.push([compound ?? t, t.position - first - shift]);
    if (compound === null) continue;
    let last = t.position;
    while (i + 1 < tokens.length && tokens[i + 1].start < compound.end) {
      i++;
      if (!tokens[i].stacked) last = tokens[i].position;
    }
    shift += last - t.position;
  }
  return { slots: units.map(([token, offset], k) => makeSlot(text, token, offset, open && k === units.length - 1)) };
}

// A clause's readings with exact terms only, and the [reading, slot] that expands as the open word; null when nothing analyses.
function shape(text, open) {
  const tokens = analyze(text);
  const parts = tokens.filter((t) => !t.stacked);
  if (parts.length === 0) return null;
  const joined = tokens.some((t) => t.stacked);
  // The joined reading carries the open word's expansions: it covers hyphenated and joined spellings.
  const readings = [partsReading(text, parts, open, !joined)];
  if (joined) readings.push(joinedReading(text, tokens, parts, open));
  const r = joined ? 1 : 0;
  const last = readings[r].slots.length - 1;
  return { readings, open: readings[r].slots[last].isPrefix ? [r, last] : null };
}

const termsOf = (readings) => [...new Set(readings.flatMap((r) => r.slots.map((s) => s.alternatives[0].term)))];

/** The space-separated pieces of a clause's text. */
function piecesOf(text) {
  const pieces = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i])) { i++; continue; }
    let end = i;
    while (end < text.length && !isSpace(text[end])) end++;
    pieces.push(text.slice(i, end));
    i = end;
  }
  return pieces;
}

/** How many words a clause counts as ("only the first N words were used"): its pieces that analyse to a term. */
const wordsOf = (text) => piecesOf(text).filter((p) => analyze(p).some((t) => !t.stacked)).length;

// QueryPlanner.Plan: the clauses in order while their terms fit the budget; the first that does not fit and
// the rest are ignored, except that a required quoted phrase keeps its leading words that fit.
export async function plan(index, parsed, budget = new FetchBudget(index)) {
  const clauses = [];
  let usedWords = 0;
  let ignoredWords = 0;
  let stopped = false;
  for (let c = 0; c < parsed.clauses.length; c++) {
    const clause = parsed.clauses[c];
    if (stopped) { ignoredWords += wordsOf(clause.text); continue; }
    const open = parsed.prefixOpen && c === parsed.clauses.length - 1;
    let text = clause.text;
    let shaped = shape(text, open);
    if (shaped === null) continue;
    if (!budget.admit(termsOf(shaped.readings))) {
      stopped = true;
      const words = wordsOf(text);
      shaped = null;
      if (clause.quoted && !clause.negated) {
        const pieces = piecesOf(text);
        for (let k = pieces.length - 1; k >= 1 && shaped === null; k--) {
          const shorter = shape(pieces.slice(0, k).join(' '), false);
          if (shorter !== null && budget.admit(termsOf(shorter.readings))) { shaped = shorter; text = pieces.slice(0, k).join(' '); }
        }
      }
      if (shaped === null) { ignoredWords += words; continue; }
      ignoredWords += words - wordsOf(text);
    }
    usedWords += wordsOf(text);
    for (const term of termsOf(shaped.readings)) index.lookup(term).catch(() => {}); // start fetching now; awaited later
    const { readings } = shaped;
    if (shaped.open !== null) {
      const [r, k] = shaped.open;
      const slot = readings[r].slots[k];
      slot.alternatives.push(...await prefixExpansions(index, slot.surface, slot.alternatives[0].term, budget));
    }
    clauses.push({ readings, negated: clause.negated, quoted: clause.quoted });
  }
  return { clauses, usedWords, ignoredWords };
}

// ---- Typo tolerance (TypoExpander.cs).
const swapped = (w, i) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);

export function* variants(w) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = TYPO_FIXED_PREFIX; i < w.length; i++) yield w.slice(0, i) + w.slice(i + 1);
  for (let i = TYPO_FIXED_PREFIX; i + 1 < w.length; i++) if (w[i] !== w[i + 1]) yield swapped(w, i);
  for (let i = TYPO_FIXED_PREFIX; i < w.length; i++) for (const c of letters) if (c !== w[i]) yield w.slice(0, i) + c + w.slice(i + 1);
  for (let i = TYPO_FIXED_PREFIX; i <= w.length; i++) for (const c of letters) yield w.slice(0, i) + c + w.slice(i);
}

/** The cheap edits that touch the first two letters: transpositions 1-2 and 2-3, deletions of letter 1 and 2. */
export function* farVariants(w) {
  for (let i = 0; i < TYPO_FIXED_PREFIX; i++) if (w[i] !== w[i + 1]) yield swapped(w, i);
  for (let i = 0; i < TYPO_FIXED_PREFIX; i++) yield w.slice(0, i) + w.slice(i + 1);
}

// CorrectionPages.cs: the pages near the word's own, and up to TYPO_MAX_FAR_PAGES others per segment, in the order asked.
function correctionPages(index, term) {
  const own = index.entry.segments.map((_, s) => index.pageIndex(s, term)); // asked ~1,400 times a word: once
  const far = own.map(() => new Set());
  const near = (s, p) => Math.abs(p - own[s]) <= TYPO_PAGE_REACH;
  const admit = (s, p) => {
    if (near(s, p) || far[s].has(p)) return true;
    if (far[s].size === TYPO_MAX_FAR_PAGES) return false;
    far[s].add(p);
    return true;
  };
  return { near, admit };
}

// A word's candidate corrections, most frequent first (TypoExpander.Candidates): empty when the dictionary
// pages their lookups read, known before reading them, do not all fit the budget.
async function candidates(index, slot, budget) {
  const tried = new Set(slot.alternatives.map((a) => a.term));
  const stems = (words) => {
    const list = [];
    for (const v of words) {
      const s = stem(v);
      if (!tried.has(s)) { tried.add(s); list.push(s); }
    }
    return list;
  };
  const near = stems(variants(slot.surface));
  const far = stems(farVariants(slot.surface));
  const planned = correctionPages(index, slot.alternatives[0].term);
  // Each stem's page in each segment, or −1 where it may not be read: found once, for the budget and the reads.
  const locate = (list, readable) => list.map((t) => index.entry.segments.map((_, s) => {
    const p = index.pageIndex(s, t);
    return readable(s, p) ? p : -1;
  }));
  const nearPages = locate(near, planned.near);
  const farPages = locate(far, planned.admit);
  const pages = [];
  for (const located of [nearPages, farPages]) {
    for (const at of located) at.forEach((p, s) => { if (p >= 0) pages.push([s, p]); });
  }
  if (!budget.admit([], pages)) return [];
  const [nearDfs, farDfs] = await Promise.all([index.dfs(near, nearPages), index.dfs(far, farPages)]);
  const found = new Map();
  near.forEach((s, k) => { if (nearDfs[k] > 0) found.set(s, nearDfs[k]); });
  far.forEach((s, k) => { if (farDfs[k] > 0) found.set(s, farDfs[k]); });
  return ranked(found, Infinity);
}

// Only words the archive does not know get corrections (Lucene's SUGGEST_WHEN_NOT_IN_INDEX); an open word
// that terms start with is being typed, not mistyped. Each word's pages are admitted in query order, then the
// corrections go round: every word gets its most frequent one that fits before any word gets a second.
export async function widen(index, thePlan, budget = new FetchBudget(index)) {
  const words = [];
  for (const [c, clause] of thePlan.clauses.entries()) {
    if (clause.negated || clause.quoted) continue;
    for (const [r, reading] of clause.readings.entries()) {
      for (const [s, slot] of reading.slots.entries()) {
        if (slot.surface.length < TYPO_MIN_LENGTH || completes(slot) || (await index.lookup(slot.alternatives[0].term)) !== null) continue;
        const list = await candidates(index, slot, budget);
        if (list.length > 0) words.push({ at: [c, r, s], list, next: 0, picked: [] });
      }
    }
  }
  for (let round = 0; round < MAX_CORRECTIONS; round++) {
    for (const word of words) {
      while (word.next < word.list.length) {
        const t = word.list[word.next++];
        if (budget.admit([t])) { word.picked.push(t); break; }
      }
    }
  }
  if (words.every((w) => w.picked.length === 0)) return null;
  const clauses = thePlan.clauses.map((clause) => ({ ...clause, readings: clause.readings.map((reading) => ({ slots: [...reading.slots] })) }));
  for (const { at: [c, r, s], picked } of words) {
    const slot = clauses[c].readings[r].slots[s];
    clauses[c].readings[r].slots[s] = { ...slot, alternatives: [...slot.alternatives, ...picked.map((term) => ({ term, kind: CORRECTION }))] };
  }
  return { ...thePlan, clauses };
}

/**
 * QueryCorrection.Corrections: [{surface, word}] — the required, unquoted words the archive does not hold that matched
 * through a typo correction or (the open word) the stem it extends, each once, named by an edit of what was typed.
 */
export function corrections(entries, thePlan) {
  const known = (term) => (entries.get(term) ?? null) !== null;
  const list = [];
  for (const clause of required(thePlan).filter((c) => !c.quoted)) {
    for (const slot of clause.readings.flatMap((r) => r.slots)) {
      if (completes(slot) || list.some((c) => c.surface === slot.surface) || known(slot.alternatives[0].term)) continue;
      const used = slot.alternatives.find((a) => (a.kind === STEM || a.kind === CORRECTION) && known(a.term));
      if (!used) continue;
      const word = wordFor(slot.surface, used);
      if (word !== null) list.push({ surface: slot.surface, word });
    }
  }
  return list;
}

/** QueryCorrection.WordFor: the first edit of what was typed whose stem is the term, the likeliest typos first (a stem only through a letter left out, two letters past it); or null. */
export function wordFor(surface, alternative) {
  const isCorrection = alternative.kind === CORRECTION;
  if (!isCorrection && surface.length < alternative.term.length + 2) return null; // one letter past the stem: being typed
  const edits = [...variants(surface)].map((v, i) => [v, i])
    .sort((a, b) => b[0].length - a[0].length || a[1] - b[1]).map((x) => x[0])
    .filter((v) => isCorrection || v.length > surface.length);
  if (isCorrection) edits.push(...farVariants(surface));
  return edits.find((v) => stem(v) === alternative.term) ?? null;
}

/**
 * QueryCorrection.Of: {shown, exact} — the query as searched ("probation") and the one searching exactly what was
 * typed, each corrected word quoted ('"probaton"': a quoted word gets no corrections) — or null.
 */
export function queryCorrection(query, list) {
  const lower = query.toLowerCase();
  if (lower.length !== query.length) return null;
  const spans = list.map((c) => ({ start: lower.indexOf(c.surface), length: c.surface.length, word: c.word }))
    .filter((s) => s.start >= 0).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return null;
  let shown = '';
  let exact = '';
  let at = 0;
  for (const { start, length, word } of spans) {
    if (start < at) continue; // overlapping: the first wins
    shown += query.slice(at, start) + word;
    exact += query.slice(at, start) + '"' + query.slice(start, start + length) + '"';
    at = start + length;
  }
  const trim = (s) => { let a = 0; let b = s.length; while (a < b && isSpace(s[a])) a++; while (b > a && isSpace(s[b - 1])) b--; return s.slice(a, b); };
  return { shown: trim(shown + query.slice(at)), exact: trim(exact + query.slice(at)) };
}

/** Whether any slot accepts more than its exact term (QueryPlan.Expanded). */
const expanded = (p) => p.clauses.some((c) => c.readings.some((r) => r.slots.some((s) => s.alternatives.length > 1)));

/** The query read literally, each slot with its exact term only (QueryPlan.Literal): the first tier. */
const literalPlan = (p) => ({
  ...p,
  clauses: p.clauses.map((c) => ({ ...c, readings: c.readings.map((r) => ({ slots: r.slots.map((s) => ({ ...s, alternatives: [s.alternatives[0]] })) })) })),
});

// ---- Evaluation (QueryEvaluator.cs, PhraseMatcher.cs).
const required = (p) => p.clauses.filter((c) => !c.negated);
const slotsOfClauses = (clauses) => clauses.flatMap((c) => c.readings.flatMap((r) => r.slots));

async function entriesOf(index, thePlan) {
  const terms = [...new Set(slotsOfClauses(thePlan.clauses).flatMap((s) => s.alternatives.map((a) => a.term)))];
  const found = await Promise.all(terms.map((t) => index.lookup(t)));
  return new Map(terms.map((t, i) => [t, found[i]]));
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The documents in [from, to) holding any of the slot's terms (the candidates a clause is scored on). */
function slotDocs(entries, slot, from, to, into) {
  for (const alternative of slot.alternatives) {
    const entry = entries.get(alternative.term);
    if (!entry) continue;
    for (let i = lowerBound(entry.docs, from); i < entry.docs.length && entry.docs[i] < to; i++) into.add(entry.docs[i]);
  }
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

// PhraseMatcher.Matches: the slots whose positions are known must line up; fewer than two known pass.
function phraseMatches(entries, reading, doc) {
  const known = [];
  for (const slot of reading.slots) {
    const positions = slotPositions(entries, slot, doc);
    if (positions) known.push([slot.offset, positions]);
  }
  if (known.length < 2) return true;
  const [firstOffset, firstPositions] = known[0];
  for (const p of firstPositions) {
    const start = p - firstOffset;
    if (known.slice(1).every(([offset, ps]) => ps.has(start + offset))) return true;
  }
  return false;
}

// PhraseMatcher.InSequence: the clauses next to each other in order, each through any reading, every position known.
function inSequence(entries, clauses, doc) {
  let starts = null; // null: the first clause may start anywhere
  for (const clause of clauses) {
    const next = new Set();
    for (const reading of clause.readings) {
      const known = [];
      for (const slot of reading.slots) {
        const positions = slotPositions(entries, slot, doc);
        if (!positions) break;
        known.push([slot.offset, positions]);
      }
      if (known.length < reading.slots.length) continue;
      const candidates = starts ?? [...known[0][1]].map((p) => p - known[0][0]);
      for (const start of candidates) if (known.every(([offset, ps]) => ps.has(start + offset))) next.add(start + width(reading));
    }
    if (next.size === 0) return false;
    starts = next;
  }
  return true;
}

/** A slot's best score in one document (binary search in each alternative's docs), or undefined when it has none. */
function slotScoreOf(index, entries, slot, doc) {
  let best;
  for (const alternative of slot.alternatives) {
    const entry = entries.get(alternative.term);
    if (!entry) continue;
    const i = lowerBound(entry.docs, doc);
    if (i >= entry.docs.length || entry.docs[i] !== doc) continue;
    const score = index.idfOf(entry) * (isExact(alternative) ? EXACT_WEIGHT : EXPANDED_WEIGHT) * entry.impacts[i];
    if (best === undefined || score > best) best = score;
  }
  return best;
}

/** A clause's score in one document: its best reading's (all slots held, a phrase lined up), or undefined. */
function clauseScoreOf(index, entries, clause, doc) {
  let best;
  for (const reading of clause.readings) {
    let sum = 0;
    for (const slot of reading.slots) {
      const score = slotScoreOf(index, entries, slot, doc);
      if (score === undefined) { sum = undefined; break; }
      sum += score;
    }
    if (sum === undefined || (reading.slots.length > 1 && !phraseMatches(entries, reading, doc))) continue;
    if (best === undefined || sum > best) best = sum;
  }
  return best;
}

const slotSize = (entries, slot) => slot.alternatives.reduce((n, a) => n + (entries.get(a.term)?.docs.length ?? 0), 0);
const clauseSize = (entries, clause) => clause.readings.reduce((n, r) => n + Math.min(...r.slots.map((s) => slotSize(entries, s))), 0);

// Scores are integer sums, so the order clauses are added in does not change them: the rarest clause lists
// the candidates (each reading's rarest slot), and the others are looked up in them ("the probation x" costs
// x's documents, not every post's).
function evaluate(index, entries, thePlan, from, to) {
  const clauses = required(thePlan).map((clause, i) => [clauseSize(entries, clause), i, clause])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  if (clauses.length === 0) return new Map();
  const candidates = new Set();
  for (const reading of clauses[0].readings) {
    const rarest = reading.slots.reduce((a, b) => (slotSize(entries, b) < slotSize(entries, a) ? b : a));
    slotDocs(entries, rarest, from, to, candidates);
  }
  const scores = new Map();
  for (const doc of [...candidates].sort((a, b) => a - b)) {
    let total = 0;
    for (const clause of clauses) {
      const score = clauseScoreOf(index, entries, clause, doc);
      if (score === undefined) { total = undefined; break; }
      total += score;
    }
    if (total !== undefined) scores.set(doc, total);
  }
  for (const clause of thePlan.clauses.filter((c) => c.negated)) {
    for (const doc of [...scores.keys()]) if (clauseScoreOf(index, entries, clause, doc) !== undefined) scores.delete(doc);
  }
  const unquoted = required(thePlan).filter((c) => !c.quoted);
  if (unquoted.reduce((n, c) => n + c.readings[0].slots.length, 0) >= 2) {
    for (const [doc, score] of scores) if (inSequence(entries, unquoted, doc)) scores.set(doc, score + Math.floor(score / 2));
  }
  return scores;
}

// ---- Where the best match is (PassageLocator.cs).
export const MAX_SHOWN_PASSAGES = 3; // sub-results under a hit; the rest are counted ("and 2 more in this thread")

/**
 * PassageLocator.Rank: the passages holding any of the query's words, best first (ties to the earlier), title and
 * body as one POST at the better of the two; [POST] when none scores. The first is the hit's `where`.
 */
function rankPassages(index, entries, thePlan, doc, meta) {
  const scores = passageScores(index, entries, thePlan, doc, meta);
  const ids = meta.c.split(' ');
  const ranked = [];
  const post = Math.max(scores[0], scores.length > 1 ? scores[1] : 0);
  if (post > 0) ranked.push([post, 0, POST]);
  for (let i = 2; i < scores.length; i++) if (scores[i] > 0) ranked.push([scores[i], i, ids[i - 2]]);
  if (ranked.length === 0) return [POST];
  return ranked.sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((r) => r[2]);
}

function passageScores(index, entries, thePlan, doc, meta) {
  const starts = [];
  meta.p.forEach((gap, i) => starts.push((i === 0 ? 0 : starts[i - 1]) + gap));
  const scores = new Array(starts.length).fill(0);
  for (const clause of required(thePlan)) {
    // A clause counts in each passage through its best reading there.
    const best = new Array(starts.length).fill(0);
    for (const reading of clause.readings) {
      const sum = new Array(starts.length).fill(0);
      for (const slot of reading.slots) {
        const slotBest = slotBestOf(index, entries, slot, doc, starts);
        for (let i = 0; i < sum.length; i++) sum[i] += slotBest[i];
      }
      for (let i = 0; i < best.length; i++) best[i] = Math.max(best[i], sum[i]);
    }
    for (let i = 0; i < scores.length; i++) scores[i] += best[i];
  }
  return scores;
}

/** Per passage, the highest idf of the slot's terms found there (each slot counted once per passage). */
function slotBestOf(index, entries, slot, doc, starts) {
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
  return best;
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
  for (const slot of slotsOfClauses(required(thePlan))) {
    for (const a of slot.alternatives) {
      const entry = entries.get(a.term);
      if (entry) weights.set(a.term, index.idfOf(entry) + 1);
    }
  }
  return weights;
}

/**
 * Runs a query (QueryEngine.cs). request: {query, limit = 10, fromYear, toYear, order: 'relevance' | 'date'}.
 * Returns {total, hits: [{doc, score, where, passages, meta: {u, t, d, p, c}}], plan, widened, correction, terms: Map(term → weight), fetchUnits}.
 * plan.usedWords and plan.ignoredWords: words past what the fetch budget admits are ignored ("only the first N words were used").
 */
export async function search(index, request) {
  const ranking = await rank(index, request);
  return { ...ranking, hits: await describe(index, ranking, ranking.ranked.length) };
}

/**
 * The ranking alone, before any metadata is read: {total, ranked: [[doc, score]] (the first `limit`), plan,
 * entries, widened, terms, fetchUnits}. describe() then reads titles and passages for as many as are shown.
 */
export async function rank(index, request) {
  const limit = request.limit ?? 10;
  // One budget for everything the query reads beyond the entry files and the hits' metadata.
  const budget = new FetchBudget(index);
  let thePlan = await plan(index, parseQuery(request.query), budget);
  const [from, to] = docRange(index, request.fromYear, request.toYear);
  let entries = await entriesOf(index, thePlan);
  let scores = evaluate(index, entries, thePlan, from, to);
  const exact = scores;
  // The first tier: documents matching every word as typed ("tool" itself, not only "toolkit").
  const literal = expanded(thePlan) ? evaluate(index, entries, literalPlan(thePlan), from, to) : exact;
  let widened = false;
  if (scores.size < TYPO_THRESHOLD) {
    const wider = await widen(index, thePlan, budget);
    if (wider) {
      thePlan = wider;
      entries = await entriesOf(index, thePlan);
      scores = evaluate(index, entries, thePlan, from, to);
      widened = scores.size > exact.size; // only when corrections found more
    }
  }
  const ordered = [...scores].sort(request.order === 'date'
    ? (a, b) => b[0] - a[0]
    : (a, b) => tier(literal, exact, a[0]) - tier(literal, exact, b[0]) || b[1] - a[1] || b[0] - a[0]);
  return {
    total: scores.size, ranked: ordered.slice(0, Math.max(0, limit)), plan: thePlan, entries, widened,
    correction: scores.size === 0 ? null : queryCorrection(request.query, corrections(entries, thePlan)),
    terms: termWeights(index, entries, thePlan), fetchUnits: budget.used,
  };
}

/** 0: matches the words as typed; 1: needs the open word's expansions; 2: found only through a correction (QueryEngine.Tier). */
const tier = (literal, exact, doc) => (literal.has(doc) ? 0 : exact.has(doc) ? 1 : 2);

/**
 * The first `count` ranked documents as hits: [{doc, score, where, passages, meta: {u, t, d, p, c}}] (passages: every
 * passage holding the query's words, best first, `where` the first). With fragments in the
 * index, the first `withText` are read from theirs (meta then also holds x, the passage texts), so a snippet needs
 * no further fetch; the others from the metadata chunks. `onHit(hit)`, when given, sees each hit as soon as its
 * file has arrived, before the slowest one has: the page computes a snippet there instead of after them all.
 */
export async function describe(index, ranking, count, withText = 0, onHit = null) {
  const shown = ranking.ranked.slice(0, count);
  const fragments = index.hasFragments ? withText : 0;
  return Promise.all(shown.map(async ([doc, score], i) => {
    const meta = await (i < fragments ? index.fragment(doc) : index.meta(doc));
    const passages = rankPassages(index, ranking.entries, ranking.plan, doc, meta);
    const hit = { doc, score, where: passages[0], passages, meta };
    onHit?.(hit);
    return hit;
  }));
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
  const all = analyze(text, terms);
  const words = all.filter((t) => !t.stacked);
  if (words.length === 0) return [];
  const matched = matchedWords(all, words, terms);
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

/**
 * The markup of the element a post page marks data-passage="name" (from its start tag to the matching end
 * tag), or null when the page has none. Parsing only this passage, not the whole page with every comment,
 * is most of what a snippet costs on a long thread. The pages are the build's own well-formed HTML.
 */
export function passageMarkup(html, name) {
  const attribute = html.indexOf(`data-passage="${name}"`);
  if (attribute < 0) return null;
  const start = html.lastIndexOf('<', attribute);
  const tag = /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(start, start + 20))?.[1];
  if (!tag) return null;
  const tags = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

/** The whole text as parts [{text, mark}], matched words marked: for titles, shown in full. */
export function highlight(text, terms) {
  const all = analyze(text, terms);
  const stacked = stackedMatches(all, terms);
  const parts = [];
  let at = 0;
  for (const w of all) {
    if (w.stacked || w.start < at) continue;
    const hit = terms.has(w.term) || coveredByMatch(stacked, w);
    if (!hit) continue;
    if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
    parts.push({ text: text.slice(w.start, w.end), mark: true });
    at = w.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/** Stacked tokens (joined compounds) whose term is wanted: the only ones that can mark the words they span. */
const stackedMatches = (all, terms) => all.filter((s) => s.stacked && terms.has(s.term));
const coveredByMatch = (stacked, w) => stacked.some((s) => s.start <= w.start && s.end >= w.end);

/** Whether each word is marked: its own term is wanted, or a wanted stacked compound spans it. */
function matchedWords(all, words, terms) {
  const stacked = stackedMatches(all, terms); // few or none: checking every token per word was quadratic
  return words.map((w) => terms.has(w.term) || (stacked.length > 0 && coveredByMatch(stacked, w)));
}

function collapse(gap) {
  let out = '';
  let inSpace = false;
  for (const c of gap) {
    if (isSpace(c)) { if (!inSpace) out += ' '; inSpace = true; } else { out += c; inSpace = false; }
  }
  return out;
}
