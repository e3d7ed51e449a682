/**
 * Reads a `_headers` file in the format Cloudflare Pages and Netlify share: a line
 * that starts at column 0 is a URL pattern (`*` matches anything, `:name` one path
 * segment), the indented `Name: value` lines below it apply to every path it matches,
 * and `! Name` removes a header an earlier rule set. The local server applies it so
 * tests and bench run under the same policy a CDN sends.
 */
export interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

function patternToRegExp(pattern: string): RegExp {
  const path = pattern.replace(/^https?:\/\/[^/]+/, '');
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: patternToRegExp(line.trim()), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${i + 1}: a header before any path pattern`);
    const item = line.trim();
    if (item.startsWith('!')) {
      rule.detach.push(item.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = item.indexOf(':');
    if (colon <= 0) throw new Error(`_headers line ${i + 1}: expected "Name: value", got "${item}"`);
    rule.set.push([item.slice(0, colon).trim(), item.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Headers for one path: every matching rule in file order; a header set twice is joined by ", " as the CDNs do. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) {
      const prev = out.get(name.toLowerCase());
      out.set(name.toLowerCase(), [name, prev ? `${prev[1]}, ${value}` : value]);
    }
  }
  return Object.fromEntries(out.values());
}
