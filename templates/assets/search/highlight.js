// Marks a search's words on the post page a result opened: the result's link carries the terms it matched
// (?highlight=probat+servic, the analyzer's stems), and each word of the title, body and comments whose term is
// one of them is wrapped in <mark>, as the search page marks snippets; then the first mark of the passage the link
// named (#c3-2, or the body) is scrolled into view. Without JavaScript, or without the parameter, the page is untouched.
// Marking is bounded: the linked passage first, then the title and the rest, until this many characters have been
// read (a post of tens of megabytes would otherwise hold the page for seconds).
const MAX_CHARS = 400_000;
const wanted = (new URLSearchParams(location.search).get('highlight') ?? '').split(/\s+/).filter((t) => t.length > 0);
if (wanted.length > 0) {
  // Loaded only when asked for: a plain visit to a post fetches nothing more than this file.
  import('./analyzer.js').then(({ analyze }) => mark(analyze, new Map(wanted.map((t) => [t, 1])))).catch(() => {});
}

function mark(analyze, terms) {
  const name = decodeURIComponent(location.hash.slice(1));
  const target = (name && document.getElementById(name)?.querySelector('[data-passage]'))
    || document.querySelector('[data-passage="body"]');
  const passages = [...document.querySelectorAll('[data-passage]')];
  let budget = MAX_CHARS;
  for (const passage of target ? [target, ...passages.filter((p) => p !== target)] : passages) {
    const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n !== null && budget > 0; n = walker.nextNode()) {
      nodes.push(n);
      budget -= n.length;
    }
    for (const node of nodes) markText(analyze, node, terms);
    if (budget <= 0) break;
  }
  const first = target?.querySelector('mark.search-term') ?? document.querySelector('mark.search-term');
  first?.scrollIntoView({ block: 'center' });
}

/** Wraps the node's matched words (or a matched compound's span) in marks, the text between kept as text. */
function markText(analyze, node, terms) {
  const text = node.data;
  const spans = [];
  for (const t of analyze(text, terms)) {
    if (!terms.has(t.term)) continue;
    const last = spans[spans.length - 1];
    if (last && t.start < last[1]) { last[0] = Math.min(last[0], t.start); last[1] = Math.max(last[1], t.end); } // a compound and its parts: one mark
    else spans.push([t.start, t.end]);
  }
  if (spans.length === 0) return;
  const parts = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
    const m = document.createElement('mark');
    m.className = 'search-term';
    m.textContent = text.slice(start, end);
    parts.push(m);
    at = end;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  node.replaceWith(...parts);
}
