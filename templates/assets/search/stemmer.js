// Snowball English ("Porter2") stemmer, as in Snowball 3.x english.sbl. It must give exactly the
// stems of src/Archivist/Search/Analysis/EnglishStemmer.cs, which built the index: change both together.
// Input: a lower-cased word with ASCII apostrophes. Plain ES module, no dependencies.

// Whole words the rules would get wrong; checked on the raw input.
const EXCEPTIONS = new Map([
  ['skis', 'ski'], ['skies', 'sky'], ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'],
  ['early', 'earli'], ['only', 'onli'], ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'],
  ['howe', 'howe'], ['atlas', 'atlas'], ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes'],
]);

// Stems that would otherwise get too short an R1 (general vs. gener-ate, and so on).
const PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];

// Suffix lists are longest first: the first match is the longest, and only it is tried.
const STEP2 = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
  ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['ogist', 'og'],
  ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'],
  ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
const STEP3 = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
  ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', ''],
];
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
  'ion', 'al', 'er', 'ic',
];
const STEP1B = ['ingly', 'edly', 'ing', 'ed'];
const EED_EXCEPTIONS = ['proc', 'exc', 'succ'];
const ING_EXCEPTIONS = ['inn', 'out', 'cann', 'herr', 'earr', 'even'];

// Suffixes by last letter, order kept (same first match, fewer tries): typos stem ~600 variants a word.
function byLastLetter(list, suffixOf) {
  const buckets = new Map();
  for (const item of list) {
    const last = suffixOf(item).at(-1);
    if (!buckets.has(last)) buckets.set(last, []);
    buckets.get(last).push(item);
  }
  return buckets;
}
const STEP2_BY_LAST = byLastLetter(STEP2, ([s]) => s);
const STEP3_BY_LAST = byLastLetter(STEP3, ([s]) => s);
const STEP4_BY_LAST = byLastLetter(STEP4, (s) => s);
const NONE = [];
const longestOf = (buckets, w, suffixOf) => (buckets.get(w.at(-1)) ?? NONE).find((item) => w.endsWith(suffixOf(item)));

const VALID_LI = new Set('cdeghkmnrt');
const isVowel = (ch) => ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y';
const hasVowel = (s) => /[aeiouy]/.test(s);

// R1 starts after the first non-vowel that follows a vowel; R2 is the same rule applied within R1.
function regionAfter(w, from) {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

// Snowball's "shortv": consonant-vowel-consonant (last not w, x or Y), a vowel-consonant word start, or "past".
function endsInShortSyllable(w, end) {
  if (end >= 3) {
    const last = w[end - 1];
    return (!isVowel(last) && !'wxY'.includes(last) && isVowel(w[end - 2]) && !isVowel(w[end - 3]))
      || (end >= 4 && w.slice(end - 4, end) === 'past');
  }
  return end === 2 && isVowel(w[0]) && !isVowel(w[1]);
}

// A y that starts the word or follows a vowel acts as a consonant: mark it Y (left to right, so "ayy" -> "aYy").
function markConsonantYs(w) {
  if (!w.includes('y')) return w;
  let out = '';
  for (let i = 0; i < w.length; i++) out += w[i] === 'y' && (i === 0 || isVowel(out[i - 1])) ? 'Y' : w[i];
  return out;
}

function step1a(w) {
  if (w.endsWith("'s'")) w = w.slice(0, -3);
  else if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);

  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ied') || w.endsWith('ies')) return w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie'); // cries, ties
  if (w.endsWith('ss') || w.endsWith('us')) return w;
  if (w.endsWith('s') && hasVowel(w.slice(0, -2))) return w.slice(0, -1); // gas, this stay
  return w;
}

function step1b(w, p1) {
  if (w.endsWith('eedly') || w.endsWith('eed')) {
    const stem = w.slice(0, w.endsWith('eed') ? -3 : -5);
    return stem.length >= p1 && !EED_EXCEPTIONS.includes(stem) ? stem + 'ee' : w;
  }
  const suffix = STEP1B.find((s) => w.endsWith(s));
  if (suffix === undefined) return w;
  const stem = w.slice(0, -suffix.length);
  if (suffix === 'ing') {
    if (stem.length === 2 && stem[1] === 'y' && !isVowel(stem[0])) return stem[0] + 'ie'; // dying, vying
    if (ING_EXCEPTIONS.includes(stem)) return w;
  }
  if (!hasVowel(stem)) return w;
  if (/(at|bl|iz)$/.test(stem)) return stem + 'e';
  // hopp -> hop, but a three-letter [aeo]+double word (added, egged, ebbing) keeps it.
  if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(stem)) return /^[aeo]..$/.test(stem) ? stem : stem.slice(0, -1);
  if (stem.length === p1 && endsInShortSyllable(stem, stem.length)) return stem + 'e'; // hop -> hope
  return stem;
}

export function stem(word) {
  const special = EXCEPTIONS.get(word);
  if (special !== undefined) return special;
  if (word.length < 3) return word;

  const unmarked = word[0] === "'" ? word.slice(1) : word;
  let w = markConsonantYs(unmarked);
  const yMarked = w !== unmarked;
  const prefix = PREFIXES.find((p) => w.startsWith(p));
  const p1 = prefix !== undefined ? prefix.length : regionAfter(w, 0);
  const p2 = regionAfter(w, p1);

  w = step1b(step1a(w), p1);

  // Step 1c: y after a consonant that is not the first letter becomes i (cry -> cri, by, say stay).
  if (w.length >= 3 && /[yY]$/.test(w) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Steps 2 and 3: the longest suffix is replaced when it starts in R1.
  const s2 = longestOf(STEP2_BY_LAST, w, ([s]) => s);
  if (s2 !== undefined && w.length - s2[0].length >= p1) {
    const before = w[w.length - s2[0].length - 1];
    if ((s2[0] !== 'li' || VALID_LI.has(before)) && (s2[0] !== 'ogi' || before === 'l')) {
      w = w.slice(0, -s2[0].length) + s2[1];
    }
  }
  const s3 = longestOf(STEP3_BY_LAST, w, ([s]) => s);
  if (s3 !== undefined && w.length - s3[0].length >= (s3[0] === 'ative' ? p2 : p1)) {
    w = w.slice(0, -s3[0].length) + s3[1];
  }

  // Step 4: the longest suffix is deleted when it starts in R2; -ion only after s or t.
  const s4 = longestOf(STEP4_BY_LAST, w, (s) => s);
  if (s4 !== undefined && w.length - s4.length >= p2) {
    if (s4 !== 'ion' || /[st]ion$/.test(w)) w = w.slice(0, -s4.length);
  }

  // Step 5: a final e in R2, or in R1 after no short syllable; ll in R2 loses an l.
  const last = w.length - 1;
  if (w[last] === 'e' && (last >= p2 || (last >= p1 && !endsInShortSyllable(w, last)))) w = w.slice(0, -1);
  else if (w[last] === 'l' && last >= p2 && w[last - 1] === 'l') w = w.slice(0, -1);

  return yMarked ? w.replaceAll('Y', 'y') : w;
}
