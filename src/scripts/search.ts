/**
 * Pagefind search UI used by the header dialog and the /search/ page. Pagefind's
 * own script is imported only on first use, so pages pay nothing until someone searches.
 */
import { queryTerms, unmatchedTerms } from './search-match.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  init(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | null = null;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Short quiz and topic pages must not outrank the article they point to.
    await pf.options({ excerptLength: 24, ranking: { pageLength: 0.2 } });
    await pf.init();
    return pf;
  })();
  return loading;
}

const MAX_RESULTS = 12;

export class SiteSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #kind!: HTMLSelectElement;
  #topic!: HTMLSelectElement;
  #list!: HTMLUListElement;
  #status!: HTMLElement;
  #seq = 0;
  #filtersReady = false;

  connectedCallback() {
    this.#input = this.querySelector('input[type=search]')!;
    this.#kind = this.querySelector('select[name=kind]')!;
    this.#topic = this.querySelector('select[name=topic]')!;
    this.#list = this.querySelector('ul.results')!;
    this.#status = this.querySelector('.status')!;
    this.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run();
    });
    this.#input.addEventListener('input', () => void this.run());
    this.#kind.addEventListener('change', () => void this.run());
    this.#topic.addEventListener('change', () => void this.run());
    this.#input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        this.#list.querySelector('a')?.focus();
      }
    });
    this.#list.addEventListener('keydown', (e) => {
      const links = [...this.#list.querySelectorAll('a')];
      const i = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (e.key === 'ArrowDown' && i >= 0) {
        e.preventDefault();
        links[Math.min(i + 1, links.length - 1)]?.focus();
      } else if (e.key === 'ArrowUp' && i >= 0) {
        e.preventDefault();
        (i === 0 ? this.#input : links[i - 1])?.focus();
      }
    });
    if (this.hasAttribute('data-read-query')) {
      const q = new URLSearchParams(location.search).get('q');
      if (q) {
        this.#input.value = q;
        void this.run();
      }
    }
  }

  /** Load Pagefind and its filter lists (called when the dialog opens). */
  async prepare() {
    try {
      const pf = await loadPagefind();
      if (this.#filtersReady) return;
      this.#filtersReady = true;
      const filters = await pf.filters();
      fill(this.#kind, filters.kind ?? {});
      fill(this.#topic, filters.topic ?? {});
    } catch {
      this.#status.textContent = 'Search is available on the built site (run npm start), not in the dev server.';
    }
  }

  async run() {
    const seq = ++this.#seq;
    const q = this.#input.value.trim();
    const filters: Record<string, string> = {};
    if (this.#kind.value) filters.kind = this.#kind.value;
    if (this.#topic.value) filters.topic = this.#topic.value;
    if (!q && Object.keys(filters).length === 0) {
      this.#list.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
      void this.prepare();
    } catch {
      this.#status.textContent = 'Search is available on the built site (run npm start), not in the dev server.';
      return;
    }
    const found = await searchMatched(pf, q, filters);
    if (seq !== this.#seq || !found) return;
    const { data, total, dropped } = found;
    this.#list.replaceChildren(...data.map(renderResult));
    const none = dropped.length ? `No results for “${dropped.join(' ')}”` : '';
    this.#status.textContent =
      total === 0
        ? `${none || 'No results'}.`
        : `${none ? `${none}; showing the rest of the query. ` : ''}${total} result${total === 1 ? '' : 's'}${total > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`;
  }

  focusInput() {
    this.#input.focus();
    this.#input.select();
  }
}

/**
 * Searches, then drops the query terms that Pagefind only matched by cutting them short
 * (see search-match.ts): nonsense gives no results, and a typo beside real words searches the real words.
 */
async function searchMatched(pf: Pagefind, q: string, filters: Record<string, string>) {
  const terms = queryTerms(q);
  let res = await pf.search(q || null, { filters });
  if (!res) return null;
  let data = await Promise.all(res.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  const dropped = terms.length ? unmatchedTerms(terms, data) : [];
  if (dropped.length === terms.length && terms.length > 0) return { data: [], total: 0, dropped };
  if (dropped.length) {
    res = await pf.search(terms.filter((t) => !dropped.includes(t)).join(' '), { filters });
    if (!res) return null;
    data = await Promise.all(res.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  }
  return { data, total: res.results.length, dropped };
}

function fill(select: HTMLSelectElement, values: Record<string, number>) {
  const names = Object.keys(values).sort((a, b) => a.localeCompare(b));
  for (const name of names) select.append(new Option(`${name} (${values[name]})`, name));
}

function renderResult(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  const kind = d.meta.kind ? `<span class="pill">${escape(d.meta.kind)}</span>` : '';
  // Pagefind's excerpt is escaped text with <mark> highlights only.
  a.innerHTML = `<span class="r-title">${escape(d.meta.title ?? d.url)}</span>${kind}<span class="r-excerpt">${d.excerpt}</span>`;
  li.append(a);
  return li;
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

customElements.define('site-search', SiteSearch);
