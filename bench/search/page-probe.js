// Page-level timing for the search pages as readers use them (bench `page`): the query goes into the page's own
// search box as one input event (as a paste or an autocompleted word would), and the time is taken when the
// expected post's title is in the results and the frame that paints it has begun (requestAnimationFrame).
// The page says which box and which result titles are its own: benchPage({ input, titles, debounceMs, ready, submit }).
// With ?now (bench `page --no-pause`) each page searches without waiting for typing to pause: Archivist's as on Enter,
// Pagefind's built with debounceTimeoutMs 0 (its page reads the same parameter).
export const now = new URLSearchParams(location.search).has('now');

export function benchPage({ input, titles, debounceMs, ready, submit = () => {} }) {
  window.benchDebounceMs = now ? 0 : debounceMs;
  window.benchReady = false;
  ready().then(() => { window.benchReady = true; });
  // Resolves with {dom, frame}: milliseconds from the input event to the title in the DOM and to its frame.
  // typedMs > 0: typed a character at a time, that many ms apart (the time runs from the last character).
  window.benchQuery = async (query, title, typedMs = 0, timeoutMs = 20000) => {
    const box = input();
    for (let i = 1; typedMs > 0 && i < query.length; i++) {
      box.value = query.slice(0, i);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, typedMs));
    }
    return measure(query, title, timeoutMs);
  };
  const measure = (query, title, timeoutMs) => new Promise((resolve) => {
    const box = input();
    const stale = new Set([...document.querySelectorAll(titles)].filter((a) => a.textContent.trim() === title));
    let t0 = 0;
    let done = false;
    const finish = (value) => { if (done) return; done = true; observer.disconnect(); clearTimeout(timer); resolve(value); };
    const check = () => {
      for (const a of document.querySelectorAll(titles)) {
        if (!stale.has(a) && a.textContent.trim() === title) {
          const dom = performance.now() - t0;
          requestAnimationFrame(() => finish({ dom, frame: performance.now() - t0 }));
          observer.disconnect();
          return;
        }
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish({ dom: NaN, frame: NaN, error: 'timeout' }), timeoutMs);
    box.focus();
    t0 = performance.now();
    box.value = query;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    if (now) submit();
  });
}
