/**
 * Pagefind search UI used by the header dialog and the /search/ page. Pagefind's
 * own script is imported only on first use, so pages pay nothing until someone searches.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
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
    await pf.options({ excerptLength: 24 });
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
    const res = await pf.search(q || null, { filters });
    if (seq !== this.#seq || !res) return;
    const data = await Promise.all(res.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (seq !== this.#seq) return;
    this.#list.replaceChildren(...data.map(renderResult));
    const n = res.results.length;
    this.#status.textContent = n === 0 ? 'No results.' : `${n} result${n === 1 ? '' : 's'}${n > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`;
  }

  focusInput() {
    this.#input.focus();
    this.#input.select();
  }
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
