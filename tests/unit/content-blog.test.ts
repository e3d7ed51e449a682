import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { diagrams, headings, internalLinks, mdxFiles, quizExists, yamlFile } from './helpers/content-files.ts';
import { syllabusSpec } from './helpers/syllabus.ts';

const spec = syllabusSpec.blog;
const posts = mdxFiles('blog');
const CATEGORY: Record<string, string> = { 'system design': 'system-design', backend: 'backend', database: 'database' };

describe('blog', () => {
  it('has the syllabus\'s posts with their exact titles and categories', () => {
    expect(spec.posts).toHaveLength(spec.stated);
    const byTitle = new Map(posts.map((p) => [p.data.title, p]));
    for (const s of spec.posts) {
      const p = byTitle.get(s.title);
      expect(p, `missing post "${s.title}"`).toBeDefined();
      expect(p!.data.category).toBe(CATEGORY[s.category]);
    }
    expect(posts).toHaveLength(spec.posts.length);
  });

  it('orders posts newest first as the syllabus lists them', () => {
    const order = [...posts].sort((a, b) => Date.parse(b.data.published) - Date.parse(a.data.published)).map((p) => p.data.title);
    expect(order).toEqual(spec.posts.map((s) => s.title).filter((t) => order.includes(t)));
  });

  for (const s of spec.posts) {
    const p = posts.find((x) => x.data.title === s.title);
    if (!p) continue;
    describe(p.id, () => {
      it(`reads in ${s.minutes} minutes (within one)`, () => {
        expect(Math.abs(readingMinutes(p.raw) - s.minutes), `computed ${readingMinutes(p.raw)}`).toBeLessThanOrEqual(1);
      });
      it('has a captioned diagram, key takeaways, further reading and 3+ internal links', () => {
        const ds = diagrams(p.body);
        expect(ds.length).toBeGreaterThanOrEqual(1);
        for (const d of ds) expect(d.caption).toMatch(/^\*[^*].*\*$/);
        const hs = headings(p.body).map((h) => h.toLowerCase());
        expect(hs).toContain('key takeaways');
        expect(hs).toContain('further reading');
        expect(new Set(internalLinks(p.body)).size).toBeGreaterThanOrEqual(3);
      });
      it('has a quiz of 3-5 questions', () => {
        expect(quizExists(p.data.quiz)).toBe(true);
        const q = yamlFile(`quizzes/${p.data.quiz}.yaml`);
        expect(q.questions.length).toBeGreaterThanOrEqual(3);
        expect(q.questions.length).toBeLessThanOrEqual(5);
      });
      if (/Python and Go|Python\/Go/.test(s.summary)) {
        it('shows Python and Go examples as tabs', () => {
          expect(p.body).toMatch(/<CodeTabs>[\s\S]*```python[\s\S]*```go[\s\S]*<\/CodeTabs>/);
        });
      } else if (/Python/.test(s.summary)) {
        it('shows Python examples', () => {
          expect(p.body).toMatch(/```python/);
        });
      }
    });
  }
});
