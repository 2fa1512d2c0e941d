// The search page: results as you type over the static index, with no framework and no build step.
// Ranking lives in search-core.js (shared with the Node parity test and mirrored by `archivist search`);
// this file owns the page: URL state, rendering with DOM text APIs (never HTML from index data),
// snippets read from each result's own page (or its fragment, when the build wrote them), keyboard navigation and the
// live status line.
import { SearchIndex, rank, describe, snippet, highlight, passageMarkup, passageText, POST, MAX_SHOWN_PASSAGES } from './search-core.js';

const PAGE_SIZE = 10;
const EAGER_SNIPPETS = 5; // snippets fetched at once; the rest when scrolled into view
const TYPING_DELAY_MS = 120; // results are drawn once typing pauses this long…
const WARM_DELAY_MS = 20; // …and what they need is fetched and ranked once it pauses this long (a paste or key repeat is one)
const BLOCKS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TR', 'TABLE', 'HR', 'SECTION', 'ARTICLE']);
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const app = document.getElementById('search-app');
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const results = document.getElementById('search-results');
const fromYear = document.getElementById('search-from');
const toYear = document.getElementById('search-to');
const sort = document.getElementById('search-sort');
const options = document.getElementById('search-options');

const base = new URL(app.dataset.base || '/', location.href);
const indexUrl = new URL(app.dataset.index || 'search-index/', base);
const pageTitle = document.title;
const pages = new Map();
let indexPromise = null;
let sequence = 0;
let limit = PAGE_SIZE;
let typingTimer = 0;
let warmTimer = 0;
let prepared = null; // {key, result}: the latest request's ranking and first hits (prepare)
let observer = null;
let typingEntry = false; // whether the current history entry was made by typing (and may be replaced)

status.setAttribute('role', 'status');
status.setAttribute('aria-live', 'polite');

async function respond(path) {
  const response = await fetch(new URL(path, indexUrl));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

function openIndex() {
  indexPromise ??= SearchIndex.open(async (path) => new Uint8Array(await (await respond(path)).arrayBuffer()), respond)
    .catch((error) => { indexPromise = null; throw error; });
  return indexPromise;
}

// ---- URL state: ?q=…&from=…&to=…&sort=date. The first keystroke after a committed search adds a history
// entry and further typing updates it; submitting or filtering commits it. Back then returns to each search.
function readState() {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '', sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

function writeState(push) {
  const params = new URLSearchParams();
  if (input.value) params.set('q', input.value);
  if (fromYear?.value) params.set('from', fromYear.value);
  if (toYear?.value) params.set('to', toYear.value);
  if (sort?.value === 'date') params.set('sort', 'date');
  const query = params.toString();
  const url = location.pathname + (query ? '?' + query : '') + location.hash;
  if (url === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

function applyState(state) {
  input.value = state.q;
  if (fromYear) fromYear.value = state.from;
  if (toYear) toYear.value = state.to;
  if (sort) sort.value = state.sort;
}

// ---- Searching.
/** What the page asks the engine for: the box, the filters and how many results the page holds. */
function currentRequest(pageLimit = limit) {
  return {
    query: input.value, limit: pageLimit,
    fromYear: fromYear?.value ? Number(fromYear.value) : undefined,
    toYear: toYear?.value ? Number(toYear.value) : undefined,
    order: sort?.value === 'date' ? 'date' : 'relevance',
  };
}

/**
 * A request's ranking and its first hits with their metadata (and, with fragments, their snippets), made once: the
 * search the page shows reuses what was made while the reader was still typing (warm), so that once the typing pause
 * is over only drawing is left, where it was a shard's fetch and then the metadata's. Only the latest request is kept.
 * Resolves once ranked: `arrived[i]` is the i-th hit once its metadata is in, `first` resolves with them all, and
 * `onArrival` (set by the search drawing them) hears of each, so the first result is drawn before the fifth is read.
 */
function prepare(index, request) {
  const key = JSON.stringify(request);
  if (prepared?.key === key) return prepared.result;
  const result = (async () => {
    const ranking = await rank(index, request);
    // The first results are shown once their metadata is read, the rest of the page after: each hit's chunk is a
    // fetch, and on a slow CPU (the benchmark machine's two cores) ten at once take about twice as long as five.
    const count = Math.min(ranking.ranked.length, EAGER_SNIPPETS);
    const arrived = new Array(count).fill(null);
    const made = { ranking, arrived, onArrival: null };
    // A hit read from its fragment has its text: its snippet is made as it arrives, while the others are awaited.
    made.first = describe(index, ranking, count, EAGER_SNIPPETS, (hit) => {
      if (hit.meta.x) hit.snippet = snippet(passageText(hit.meta, hit.where), ranking.terms);
      arrived[ranking.ranked.findIndex(([doc]) => doc === hit.doc)] = hit;
      made.onArrival?.();
    });
    made.first.catch(() => {}); // awaited by the search that draws them
    return made;
  })();
  prepared = { key, result };
  // A failed fetch is tried again by the next search.
  const forget = () => { if (prepared?.result === result) prepared = null; };
  result.then((made) => made.first.catch(forget), forget);
  return result;
}

/** How many of the first hits have arrived in rank order, with none missing before them. */
const leading = (arrived) => { const n = arrived.indexOf(null); return n < 0 ? arrived.length : n; };

/** While the reader types: what the query in the box will need is fetched and ranked, nothing drawn (the pause does that). */
async function warm() {
  if (!input.value.trim()) return;
  try {
    const index = await openIndex();
    fillYears(index);
    await prepare(index, currentRequest(PAGE_SIZE));
  } catch {
    // the search itself reports it
  }
}

async function run() {
  const seq = ++sequence;
  const query = input.value;
  document.title = query.trim() ? `${query.trim()} – ${pageTitle}` : pageTitle;
  if (!query.trim()) {
    results.replaceChildren();
    status.textContent = '';
    return;
  }
  try {
    const index = await openIndex();
    fillYears(index); // before the request is read: a year in the URL is selectable only once the years are listed
    const made = await prepare(index, currentRequest());
    if (seq !== sequence) return; // a newer query has started
    const { ranking, arrived } = made;
    const count = ranking.ranked.length;
    // Results are drawn in rank order as their metadata arrives: the first as soon as it is in, the next ones after it.
    let drawn = 0;
    const draw = () => {
      if (seq !== sequence) return;
      const ready = leading(arrived);
      if (ready === drawn) return;
      if (drawn === 0) render({ ...ranking, hits: arrived.slice(0, ready) }, count);
      else appendResults(arrived.slice(drawn, ready), ranking.terms, drawn);
      drawn = ready;
    };
    made.onArrival = draw;
    if (count === 0) render({ ...ranking, hits: [] }, 0);
    draw();
    const first = await made.first;
    if (seq !== sequence) return;
    draw();
    if (first.length === count) return;
    const rest = (await describe(index, ranking, count, EAGER_SNIPPETS)).slice(first.length);
    if (seq !== sequence) return;
    appendResults(rest, ranking.terms, first.length);
  } catch (error) {
    if (seq === sequence) status.textContent = `Search is unavailable: ${error.message}`;
  }
}

/** What the page says when the query had more words than one query may read (plan.ignoredWords), or ''. */
function limitNote(plan) {
  if (!plan.ignoredWords) return '';
  if (plan.usedWords === 0) return 'This query is too long to search: try fewer words.';
  return `Only the first ${plan.usedWords === 1 ? 'word was' : `${plan.usedWords} words were`} used; the rest were ignored.`;
}

/**
 * "Showing results for probation. Search for exactly "probaton"": typo tolerance is said, with a link to the query
 * that takes the corrected words as typed (quoted: a quoted word gets no corrections). QueryCorrection.cs words it alike.
 */
function correctionNote({ shown, exact }) {
  const note = document.createElement('span');
  note.className = 'search-correction';
  const params = new URLSearchParams(location.search);
  params.set('q', exact);
  const link = document.createElement('a');
  link.href = '?' + params.toString();
  link.textContent = exact;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.value = exact;
    commit();
  });
  note.append(`Showing results for ${shown}. Search for exactly `, link, '.');
  return note;
}

function fillYears(index) {
  if (!fromYear || fromYear.options.length > 1) return;
  const state = readState();
  for (const { year } of index.entry.years) {
    fromYear.append(new Option(String(year), String(year)));
    toYear.append(new Option(String(year), String(year)));
  }
  fromYear.value = state.from;
  toYear.value = state.to;
  options.hidden = false;
}

/** Shows the first hits of a result; `count` is how many the page will hold once appendResults has added the rest. */
function render(result, count) {
  observer?.disconnect();
  const { total, hits, widened, terms, plan, correction } = result;
  const noun = total === 1 ? 'post' : 'posts';
  const summary = total === 0
    ? 'No posts match. Try fewer words, or check the spelling.'
    : `${total} ${noun} ${total === 1 ? 'matches' : 'match'}${widened ? ', allowing for a typo' : ''}${count < total ? `; showing ${count}` : ''}.`;
  // Words past the query's fetch budget were ignored: say so in the live status, which screen readers announce.
  const ignored = limitNote(plan);
  status.replaceChildren(summary);
  if (correction) status.append(' ', correctionNote(correction));
  if (ignored) {
    const note = document.createElement('span');
    note.className = 'search-limit';
    note.textContent = ignored;
    status.append(' ', note);
  }

  const list = document.createElement('ol');
  list.className = 'search-results-list';
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      entry.target.dispatchEvent(new Event('snippet'));
    }
  }, { rootMargin: '200px' });
  hits.forEach((hit, i) => list.append(resultItem(hit, terms, i < EAGER_SNIPPETS)));
  const children = [list];
  if (count < total) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = `Show ${Math.min(PAGE_SIZE, total - count)} more`;
    more.addEventListener('click', async () => {
      const shown = count;
      limit += PAGE_SIZE;
      await run();
      results.querySelectorAll('.search-result h2 a')[shown]?.focus();
    });
    children.push(more);
  }
  results.replaceChildren(...children);
}

/** The rest of the page's hits, after the first `from`, at the end of the list render() made. */
function appendResults(hits, terms, from) {
  const list = results.querySelector('.search-results-list');
  hits.forEach((hit, i) => list?.append(resultItem(hit, terms, from + i < EAGER_SNIPPETS)));
}

function resultItem(hit, terms, eager) {
  const href = new URL(hit.meta.u.replace(/^\//, ''), base);
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = resultLink(href, hit.where, terms);
  appendParts(link, highlight(hit.meta.t, terms));
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-meta';
  if (hit.meta.d) {
    const time = document.createElement('time');
    time.dateTime = hit.meta.d;
    time.textContent = DATE.format(new Date(hit.meta.d + 'T00:00:00Z'));
    // An estimated date is said to be one, in the post page's words (templates/partials/date.sbn-html).
    if (hit.meta.e) {
      const note = document.createElement('span');
      note.className = 'estimated';
      note.textContent = '(date estimated from the text)';
      meta.append('about ', time, ' ', note);
    } else meta.append(time);
  } else meta.append('Date unknown');
  if (hit.where !== POST) meta.append(` · in comment ${hit.where.slice(1).replace(/-/g, '.')}`);

  const text = document.createElement('p');
  text.className = 'search-snippet';
  item.append(heading, meta, text);
  // The thread's other hits under the result (PassageLocator.Rank), each deep-linked, as Pagefind shows sub-results.
  const others = hit.passages.slice(1, 1 + MAX_SHOWN_PASSAGES).map((where) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = resultLink(href, where, terms);
    a.textContent = where === POST ? 'In the post' : `Comment ${where.slice(1).replace(/-/g, '.')}`;
    const p = document.createElement('p');
    p.className = 'search-snippet';
    li.append(a, p);
    return { where, li, p };
  });
  if (others.length > 0) {
    const list = document.createElement('ul');
    list.className = 'search-passages';
    list.append(...others.map((o) => o.li));
    item.append(list);
  }
  const more = hit.passages.length - 1 - others.length;
  if (more > 0) {
    const note = document.createElement('p');
    note.className = 'search-passages-more';
    note.textContent = `and ${more} more in this thread`;
    item.append(note);
  }
  const load = () => {
    fillSnippet(text, hit, href, terms);
    for (const o of others) fillSnippet(o.p, hit, href, terms, o.where);
  };
  if (eager) load();
  else {
    item.addEventListener('snippet', load, { once: true });
    observer.observe(item);
  }
  return item;
}

/** A result's link: the terms matched ride along (?highlight=…) for the post page to mark on arrival (highlight.js). */
function resultLink(page, where, terms) {
  const url = new URL(page);
  if (terms.size > 0) url.searchParams.set('highlight', [...terms.keys()].join(' '));
  return where === POST ? url.href : `${url.href}#${encodeURIComponent(where)}`;
}

function appendParts(element, parts) {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      element.append(mark);
    } else element.append(document.createTextNode(part.text));
  }
}

// ---- Snippets from the result's own page: the passage element the post template marks with data-passage.
function loadPage(url) {
  const key = url.href;
  if (!pages.has(key)) {
    pages.set(key, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    }).catch((e) => { pages.delete(key); throw e; }));
  }
  return pages.get(key);
}

/** The passage's element, parsed alone (inert: a template's content runs no scripts and loads nothing). */
function passageElement(html, name) {
  const markup = passageMarkup(html, name) ?? passageMarkup(html, 'body');
  if (markup === null) return null;
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.firstElementChild;
}

// With fragments in the index (an option of the build) the text is the fragment's: the first results' came with their
// metadata, a later one's is one small fetch instead of its whole page.
async function fillSnippet(element, hit, url, terms, where = hit.where) {
  if (hit.snippet && where === hit.where) {
    element.replaceChildren();
    appendParts(element, hit.snippet);
    return;
  }
  try {
    const index = await openIndex();
    let text;
    if (index.hasFragments) text = passageText(hit.meta.x ? hit.meta : await index.fragment(hit.doc), where);
    else {
      const passage = passageElement(await loadPage(url), where === POST ? 'body' : where);
      if (!passage) return;
      text = textOf(passage);
    }
    element.replaceChildren();
    appendParts(element, snippet(text, terms));
  } catch {
    element.replaceChildren(); // no snippet; the title and date still lead to the post
  }
}

/** Text as a reader sees it: block elements and line breaks separate words (textContent would glue them). */
function textOf(node) {
  let out = '';
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) { out += n.data; return; }
    if (n.nodeType !== Node.ELEMENT_NODE || n.tagName === 'SCRIPT' || n.tagName === 'STYLE') return;
    if (n.tagName === 'BR') { out += '\n'; return; }
    const block = BLOCKS.has(n.tagName);
    if (block) out += '\n';
    for (const child of n.childNodes) walk(child);
    if (block) out += '\n';
  };
  walk(node);
  return out;
}

// ---- Keyboard: ↓ from the box into the results, ↑/↓ between results, Home/End, Escape back to the box.
function resultLinks() { return [...results.querySelectorAll('.search-result h2 a')]; }

input.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown') return;
  const first = resultLinks()[0];
  if (first) { event.preventDefault(); first.focus(); }
});

results.addEventListener('keydown', (event) => {
  const links = resultLinks();
  const at = links.indexOf(document.activeElement);
  if (at < 0) return;
  let next = null;
  if (event.key === 'ArrowDown') next = links[Math.min(links.length - 1, at + 1)];
  else if (event.key === 'ArrowUp') next = at === 0 ? input : links[at - 1];
  else if (event.key === 'Home') next = links[0];
  else if (event.key === 'End') next = links[links.length - 1];
  else if (event.key === 'Escape') next = input;
  if (next) { event.preventDefault(); next.focus(); }
});

// ---- Wiring.
function commit() {
  clearTimeout(typingTimer);
  limit = PAGE_SIZE;
  writeState(!typingEntry);
  typingEntry = false;
  run();
}

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  clearTimeout(warmTimer);
  warmTimer = setTimeout(warm, WARM_DELAY_MS);
  typingTimer = setTimeout(() => {
    limit = PAGE_SIZE;
    writeState(!typingEntry);
    typingEntry = true;
    run();
  }, TYPING_DELAY_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  commit();
});

for (const control of [fromYear, toYear, sort]) control?.addEventListener('change', commit);

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  typingEntry = false;
  applyState(readState());
  limit = PAGE_SIZE;
  run();
});

applyState(readState());
app.dataset.ready = 'true'; // handlers are attached: typing and submitting are handled here from now on
if (input.value) run(); else input.focus();
openIndex().then(fillYears).catch(() => {}); // warm up: the entry file is small, and fills the year filters
