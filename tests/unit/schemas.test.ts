import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { collectionSchemas } from '../../src/lib/schemas.ts';

// Stand-in for astro:content's reference(): an id string becomes { id, collection }.
const reference = (collection: string) => z.string().transform((id) => ({ id, collection }));
const s = collectionSchemas(reference as never);

const post = {
  title: 'Consistent Hashing Explained: Distributed Systems Guide',
  description: 'How consistent hashing maps keys to nodes so that adding or removing a node moves only a small share of the keys.',
  category: 'system-design',
  published: '2026-11-03',
  tags: ['consistent-hashing'],
  quiz: 'consistent-hashing-explained',
};

const message = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? '';

describe('collection schemas', () => {
  it('accepts a valid post and turns references into {id, collection}', () => {
    const r = s.blog.safeParse(post);
    expect(r.success).toBe(true);
    expect(r.data?.quiz).toEqual({ id: 'consistent-hashing-explained', collection: 'quizzes' });
    expect(r.data?.published).toBeInstanceOf(Date);
    expect(r.data?.related).toEqual([]);
  });

  it('rejects an unknown category, naming the field', () => {
    const r = s.blog.safeParse({ ...post, category: 'devops' });
    expect(r.success).toBe(false);
    expect(message(r)).toMatch(/^category:/);
  });

  it('requires a quiz on posts, lessons and patterns', () => {
    const { quiz: _q, ...noQuiz } = post;
    expect(message(s.blog.safeParse(noQuiz))).toMatch(/quiz/);
    expect(message(s.lessons.safeParse({ description: 'x'.repeat(60) }))).toMatch(/quiz/);
    expect(s.lessons.safeParse({ quiz: 'a-quiz' }).success).toBe(true);
    expect(message(s.patterns.safeParse({ title: 'X', summary: 'y'.repeat(50), tags: ['a'], order: 1 }))).toMatch(/quiz/);
  });

  it('rejects a quiz whose answer does not index a choice, or with too few questions', () => {
    const q = { prompt: 'What happens when?', choices: ['a', 'b'], answer: 2, explanation: 'x'.repeat(50) };
    const r = s.quizzes.safeParse({ title: 'Q', questions: [q, q, q] });
    expect(r.success).toBe(false);
    expect(message(r)).toMatch(/answer must index one of the choices/);
    expect(s.quizzes.safeParse({ title: 'Q', questions: [{ ...q, answer: 1 }] }).success).toBe(false);
    expect(s.quizzes.safeParse({ title: 'Q', questions: [1, 2, 3].map(() => ({ ...q, answer: 1 })) }).success).toBe(true);
  });

  it('paths: lesson ids must be kebab-case, numbering has defaults, minutes are bounded', () => {
    const lesson = { id: 'load-balancers', title: 'Load Balancers', summary: 'A summary of twenty chars.', minutes: 25 };
    const path = { kind: 'track', title: 'T', summary: 'A long enough summary.', level: 'intermediate', outcomes: ['o'], units: [{ title: 'u', lessons: [lesson] }] };
    const ok = s.paths.safeParse(path);
    expect(ok.success).toBe(true);
    expect(ok.data?.numbering).toEqual({ prefix: '', start: 1, perUnit: false });
    expect(message(s.paths.safeParse({ ...path, units: [{ title: 'u', lessons: [{ ...lesson, id: 'Load_Balancers' }] }] }))).toMatch(/kebab-case/);
    expect(s.paths.safeParse({ ...path, units: [{ title: 'u', lessons: [{ ...lesson, minutes: 0 }] }] }).success).toBe(false);
    expect(s.paths.safeParse({ ...path, kind: 'book' }).success).toBe(false);
  });

  it('testimonials need explicit consent', () => {
    expect(s.testimonials.safeParse({ quote: 'q', name: 'n' }).success).toBe(false);
    expect(s.testimonials.safeParse({ quote: 'q', name: 'n', consent: true }).success).toBe(true);
  });
});
