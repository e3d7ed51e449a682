import { describe, expect, it } from 'vitest';
import { proseOf, readingMinutes, wordCount, WORDS_PER_MINUTE } from '../../src/lib/reading-time.ts';

describe('reading time', () => {
  it('counts prose words only: frontmatter, code, mermaid, imports and JSX tags are left out', () => {
    const mdx = [
      '---',
      'title: "Ignored title words here"',
      '---',
      "import X from './x.astro';",
      '',
      '## Two words',
      '',
      'One two three [four](/x/) five.',
      '',
      '```python title="a.py"',
      'print("not counted at all")',
      '```',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '<CodeTabs>',
      '',
      '~~~go',
      'package main',
      '~~~',
      '',
      '</CodeTabs>',
    ].join('\n');
    expect(wordCount(mdx)).toBe(7);
    expect(proseOf(mdx)).not.toContain('print');
    expect(proseOf(mdx)).not.toContain('flowchart');
  });

  it('rounds words / 230 to whole minutes, at least 1', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(230 * 5))).toBe(5);
    expect(readingMinutes(words(230 * 5 + 114))).toBe(5);
    expect(readingMinutes(words(230 * 5 + 116))).toBe(6);
    expect(readingMinutes(words(230 * 18))).toBe(18);
  });

  it('counts hyphenated and numeric tokens as single words', () => {
    expect(wordCount('cache-aside and 99.9% at 0.2 ms')).toBe(6);
  });
});
