// The analysis chain of src/Archivist/Search/Analysis/EnglishAnalyzer.cs for the browser: tokenizer →
// folding (lower case, diacritics) → possessive → length → Snowball English stemmer. Queries must be
// analysed exactly as the index was built; tests/js/analyzer-parity.mjs holds the two token streams equal.
// Plain ES module, no dependencies beyond stemmer.js.
import { stem } from './stemmer.js';

export const MAX_TERM_LENGTH = 40;

// Same string as FoldingTable.Entries in C#: "Xreplacement" entries separated by '|'.
const FOLDING = 'Àa|Áa|Âa|Ãa|Äa|Åa|Æae|Çc|Èe|Ée|Êe|Ëe|Ìi|Íi|Îi|Ïi|Ðd|Ñn|Òo|Óo|Ôo|Õo|Öo|Øo|Ùu|Úu|Ûu|Üu|Ýy|Þth|ßss|àa|áa|âa|ãa|äa|åa|æae|çc|èe|ée|êe|ëe|ìi|íi|îi|ïi|ðd|ñn|òo|óo|ôo|õo|öo|øo|ùu|úu|ûu|üu|ýy|þth|ÿy|Āa|āa|Ăa|ăa|Ąa|ąa|Ćc|ćc|Ĉc|ĉc|Ċc|ċc|Čc|čc|Ďd|ďd|Đd|đd|Ēe|ēe|Ĕe|ĕe|Ėe|ėe|Ęe|ęe|Ěe|ěe|Ĝg|ĝg|Ğg|ğg|Ġg|ġg|Ģg|ģg|Ĥh|ĥh|Ħh|ħh|Ĩi|ĩi|Īi|īi|Ĭi|ĭi|Įi|įi|İi|ıi|Ĳij|ĳij|Ĵj|ĵj|Ķk|ķk|Ĺl|ĺl|Ļl|ļl|Ľl|ľl|Ŀl|ŀl|Łl|łl|Ńn|ńn|Ņn|ņn|Ňn|ňn|Ōo|ōo|Ŏo|ŏo|Őo|őo|Œoe|œoe|Ŕr|ŕr|Ŗr|ŗr|Řr|řr|Śs|śs|Ŝs|ŝs|Şs|şs|Šs|šs|Ţt|ţt|Ťt|ťt|Ŧt|ŧt|Ũu|ũu|Ūu|ūu|Ŭu|ŭu|Ůu|ůu|Űu|űu|Ųu|ųu|Ŵw|ŵw|Ŷy|ŷy|Ÿy|Źz|źz|Żz|żz|Žz|žz|Ơo|ơo|Ưu|ưu|Ǎa|ǎa|Ǐi|ǐi|Ǒo|ǒo|Ǔu|ǔu|Ǖu|ǖu|Ǘu|ǘu|Ǚu|ǚu|Ǜu|ǜu|Ǟa|ǟa|Ǡa|ǡa|Ǧg|ǧg|Ǩk|ǩk|Ǫo|ǫo|Ǭo|ǭo|ǰj|Ǵg|ǵg|Ǹn|ǹn|Ǻa|ǻa|Ȁa|ȁa|Ȃa|ȃa|Ȅe|ȅe|Ȇe|ȇe|Ȉi|ȉi|Ȋi|ȋi|Ȍo|ȍo|Ȏo|ȏo|Ȑr|ȑr|Ȓr|ȓr|Ȕu|ȕu|Ȗu|ȗu|Șs|șs|Țt|țt|Ȟh|ȟh|Ȧa|ȧa|Ȩe|ȩe|Ȫo|ȫo|Ȭo|ȭo|Ȯo|ȯo|Ȱo|ȱo|Ȳy|ȳy|Ḁa|ḁa|Ḃb|ḃb|Ḅb|ḅb|Ḇb|ḇb|Ḉc|ḉc|Ḋd|ḋd|Ḍd|ḍd|Ḏd|ḏd|Ḑd|ḑd|Ḓd|ḓd|Ḕe|ḕe|Ḗe|ḗe|Ḙe|ḙe|Ḛe|ḛe|Ḝe|ḝe|Ḟf|ḟf|Ḡg|ḡg|Ḣh|ḣh|Ḥh|ḥh|Ḧh|ḧh|Ḩh|ḩh|Ḫh|ḫh|Ḭi|ḭi|Ḯi|ḯi|Ḱk|ḱk|Ḳk|ḳk|Ḵk|ḵk|Ḷl|ḷl|Ḹl|ḹl|Ḻl|ḻl|Ḽl|ḽl|Ḿm|ḿm|Ṁm|ṁm|Ṃm|ṃm|Ṅn|ṅn|Ṇn|ṇn|Ṉn|ṉn|Ṋn|ṋn|Ṍo|ṍo|Ṏo|ṏo|Ṑo|ṑo|Ṓo|ṓo|Ṕp|ṕp|Ṗp|ṗp|Ṙr|ṙr|Ṛr|ṛr|Ṝr|ṝr|Ṟr|ṟr|Ṡs|ṡs|Ṣs|ṣs|Ṥs|ṥs|Ṧs|ṧs|Ṩs|ṩs|Ṫt|ṫt|Ṭt|ṭt|Ṯt|ṯt|Ṱt|ṱt|Ṳu|ṳu|Ṵu|ṵu|Ṷu|ṷu|Ṹu|ṹu|Ṻu|ṻu|Ṽv|ṽv|Ṿv|ṿv|Ẁw|ẁw|Ẃw|ẃw|Ẅw|ẅw|Ẇw|ẇw|Ẉw|ẉw|Ẋx|ẋx|Ẍx|ẍx|Ẏy|ẏy|Ẑz|ẑz|Ẓz|ẓz|Ẕz|ẕz|ẖh|ẗt|ẘw|ẙy|ẞss|Ạa|ạa|Ảa|ảa|Ấa|ấa|Ầa|ầa|Ẩa|ẩa|Ẫa|ẫa|Ậa|ậa|Ắa|ắa|Ằa|ằa|Ẳa|ẳa|Ẵa|ẵa|Ặa|ặa|Ẹe|ẹe|Ẻe|ẻe|Ẽe|ẽe|Ếe|ếe|Ềe|ềe|Ểe|ểe|Ễe|ễe|Ệe|ệe|Ỉi|ỉi|Ịi|ịi|Ọo|ọo|Ỏo|ỏo|Ốo|ốo|Ồo|ồo|Ổo|ổo|Ỗo|ỗo|Ộo|ộo|Ớo|ớo|Ờo|ờo|Ởo|ởo|Ỡo|ỡo|Ợo|ợo|Ụu|ụu|Ủu|ủu|Ứu|ứu|Ừu|ừu|Ửu|ửu|Ữu|ữu|Ựu|ựu|Ỳy|ỳy|Ỵy|ỵy|Ỷy|ỷy|Ỹy|ỹy|ﬀff|ﬁfi|ﬂfl|ﬃffi|ﬄffl|ﬅst|ﬆst';
const FOLD = new Map(FOLDING.split('|').map((e) => [e[0], e.slice(1)]));

// Character classes per UTF-16 code unit, as CharClass.cs tests them.
const WORD_START = /^[\p{L}\p{Nd}]$/u;
const MARK = /^\p{Mn}$/u;
const LETTER = /^\p{L}$/u;
const isWordStart = (c) => (c < '\x80' ? /[A-Za-z0-9]/.test(c) : WORD_START.test(c));
const isWordPart = (c) => isWordStart(c) || (c >= '\u0300' && MARK.test(c));
const isApostrophe = (c) => c === "'" || c === '\u2019' || c === '\u02BC';
const isHyphen = (c) => c === '-' || c === '\u2010' || c === '\u2011';
const isJoiner = (c) => isHyphen(c) || c === '/';
const isDigit = (c) => c >= '0' && c <= '9';
const isLetter = (c) => LETTER.test(c);

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
    else if (FOLD.has(c)) out += FOLD.get(c);
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

/** The analyzed tokens of a text: {term, start, end, position, stacked}, in order. */
export function analyze(text) {
  const out = [];
  for (const t of tokenize(text)) {
    const tm = term(text.slice(t.start, t.end));
    if (tm !== null) out.push({ term: tm, start: t.start, end: t.end, position: t.position, stacked: t.stacked });
  }
  return out;
}
