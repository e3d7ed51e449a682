import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { diagrams, headings, internalLinks, mdxFiles, quizExists, resolveTag, topics } from './helpers/content-files.ts';
import { syllabusSpec } from './helpers/syllabus.ts';

const spec = syllabusSpec.patterns;
const patterns = mdxFiles('patterns');
const all = topics();

describe('patterns', () => {
  it('the catalogue lists what it says, promises one more, and no more are written than promised', () => {
    expect(spec.patterns).toHaveLength(spec.listed);
    expect(spec.promised).toBe(spec.listed + 1);
    expect(patterns.length).toBeLessThanOrEqual(spec.promised);
  });

  it('the exemplar pattern exists', () => {
    expect(patterns.map((p) => p.id)).toContain('circuit-breaker');
  });

  for (const p of patterns) {
    describe(p.id, () => {
      const s = spec.patterns.find((x) => x.title === p.data.title || x.title.startsWith(`${p.data.title} (`));
      it('carries its catalogue title and the topics its catalogue tags resolve to', () => {
        if (s) {
          const want = [...new Set(s.tags.map((t) => resolveTag(t, all)))].sort();
          expect([...p.data.tags].sort()).toEqual(want);
          expect(p.data.order).toBe(spec.patterns.indexOf(s) + 1);
        }
      });
      it('has the sections of a pattern page, a diagram, three links and a quiz', () => {
        const hs = headings(p.body).map((h) => h.toLowerCase());
        for (const must of ['problem', 'solution', 'how it works', 'when to use', 'trade-offs', 'implementation', 'real world', 'related']) {
          expect(hs.some((h) => h.includes(must)), `missing a "${must}" section`).toBe(true);
        }
        expect(diagrams(p.body).length).toBeGreaterThanOrEqual(1);
        expect(new Set(internalLinks(p.body)).size).toBeGreaterThanOrEqual(3);
        expect(quizExists(p.data.quiz)).toBe(true);
      });
      it('is 900-1,500 words of prose (4-7 minutes)', () => {
        const m = readingMinutes(p.raw);
        expect(m).toBeGreaterThanOrEqual(4);
        expect(m).toBeLessThanOrEqual(7);
      });
    });
  }
});
