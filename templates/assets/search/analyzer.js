// The analysis chain of src/Archivist/Search/Analysis/EnglishAnalyzer.cs for the browser: tokenizer →
// folding (lower case, diacritics) → possessive → length → Snowball English stemmer. Queries must be
// analysed exactly as the index was built; tests/js/analyzer-parity.mjs holds the two token streams equal.
// Plain ES module; stemmer.js and folding.js are the shared pieces.
import { stem } from './stemmer.js';
import { foldChar } from './folding.js';

export const MAX_TERM_LENGTH = 40;

// Character classes per UTF-16 code unit, as CharClass.cs tests them.
const WORD_START = /^[\p{L}\p{Nd}]$/u;
const MARK = /^\p{Mn}$/u;
const LETTER = /^\p{L}$/u;
// ASCII, nearly all text, is decided by code ranges: a regular expression per character was most of the
// time snippets took on long passages.
const isWordStart = (c) => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_START.test(c);
};
const isWordPart = (c) => isWordStart(c) || (c >= '\u0300' && MARK.test(c));
const isApostrophe = (c) => c === "'" || c === '\u2019' || c === '\u02BC';
const isHyphen = (c) => c === '-' || c === '\u2010' || c === '\u2011';
const isJoiner = (c) => isHyphen(c) || c === '/';
const isDigit = (c) => c >= '0' && c <= '9';
const isLetter = (c) => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
};

function endOfWord(text, i) {
  const start = i;
  while (i < text.length) {
    const c = text[i];
    if (isWordPart(c)) i++;
    else if (i > start && i + 1 < text.length
      && ((isApostrophe(c) && isLetter(text[i - 1]) && isLetter(text[i + 1]))
        || ((c === '.' || c === ',') && isDigit(text[i - 1]) && isDigit(text[i + 1])))) i++;
    else break;
  }
  return i;
}

/** Raw tokens {start, end, position, stacked}: see Tokenizer.cs for the rules. */
export function tokenize(text) {
  const tokens = [];
  let position = -1;
  let i = 0;
  while (i < text.length) {
    if (!isWordStart(text[i])) { i++; continue; }
    const parts = [];
    let hyphensOnly = true;
    for (;;) {
      const start = i;
      i = endOfWord(text, i);
      parts.push([start, i]);
      if (i + 1 < text.length && isJoiner(text[i]) && isWordStart(text[i + 1])) {
        hyphensOnly = hyphensOnly && isHyphen(text[i]);
        i++;
        continue;
      }
      break;
    }
    const first = position + 1;
    parts.forEach(([start, end], p) => {
      tokens.push({ start, end, position: ++position, stacked: false });
      if (p === 0 && parts.length > 1 && hyphensOnly) {
        tokens.push({ start, end: parts[parts.length - 1][1], position: first, stacked: true });
      }
    });
  }
  return tokens;
}

function fold(word) {
  let out = '';
  for (let i = 0; i < word.length; i++) { // code units, as C# iterates chars
    const c = word[i];
    if (c < '\x80') {
      if (c !== '-' && c !== ',') out += c.toLowerCase();
    } else if (isApostrophe(c)) out += "'";
    else if (isHyphen(c) || !isWordStart(c)) continue;
    else if (foldChar(c) !== null) out += foldChar(c).toLowerCase();
    else {
      const lower = c.toLowerCase();
      out += lower.length === 1 ? lower : c; // as char.ToLowerInvariant: one code unit in, one out
    }
  }
  return out;
}

/** A word folded and filtered but not stemmed (what prefix and typo matching start from), or null when dropped. */
export function normalized(word) {
  let w = fold(word);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w.length === 0 || w.length > MAX_TERM_LENGTH ? null : w;
}

/** Analyzes a word (or a stacked compound's span): its index term, or null when the chain drops it. */
export function term(word) {
  const w = normalized(word);
  return w === null ? null : stem(w);
}

export { stem };

/** A term no word analyses to: what {@link analyze} gives a word that cannot be one of the terms asked about. */
export const OTHER = '\0';

/**
 * The analyzed tokens of a text: {term, start, end, position, stacked}, in order. With `wanted` (a Set or Map of
 * terms), a word that cannot stem to one of them gets the term {@link OTHER} without being stemmed: a stem keeps
 * its word's first letter and is never longer than it (Snowball English only rewrites endings), so a word whose
 * first letter no wanted term starts with, or that is shorter than every wanted term, is none of them (a word
 * starting with an apostrophe, such as U+02BC, which Snowball drops, is always stemmed). Snippets
 * of long passages spent most of their time stemming words that could never match.
 */
export function analyze(text, wanted = null) {
  const out = [];
  let firsts = null;
  let shortest = 0;
  if (wanted !== null) {
    firsts = new Set();
    shortest = Infinity;
    for (const t of wanted.keys()) { firsts.add(t[0]); shortest = Math.min(shortest, t.length); }
  }
  // A passage repeats its words: analysing each spelling once (a memo that lives for this call) halves the work.
  const terms = new Map();
  for (const t of tokenize(text)) {
    const word = text.slice(t.start, t.end);
    let tm = terms.get(word);
    if (tm === undefined) {
      const w = normalized(word);
      tm = w === null ? null : firsts !== null && w[0] !== "'" && (w.length < shortest || !firsts.has(w[0])) ? OTHER : stem(w);
      terms.set(word, tm);
    }
    if (tm !== null) out.push({ term: tm, start: t.start, end: t.end, position: t.position, stacked: t.stacked });
  }
  return out;
}
