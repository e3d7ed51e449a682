import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, mdxFiles, topics, yamlFile } from './helpers/content-files.ts';

const quizFiles = readdirSync(join(CONTENT, 'quizzes')).filter((f) => f.endsWith('.yaml') && !f.startsWith('_'));
const topicIds = new Set(topics().map((t) => t.id));

describe('quizzes', () => {
  it('every lesson, post and pattern names a quiz, and every quiz is used by one page', () => {
    const used = [...mdxFiles('lessons'), ...mdxFiles('blog'), ...mdxFiles('patterns')].map((f) => f.data.quiz);
    expect(used.every(Boolean)).toBe(true);
    const ids = quizFiles.map((f) => f.replace(/\.yaml$/, ''));
    for (const id of used) expect(ids).toContain(id);
    for (const id of ids) expect(used, `quiz ${id} is not used by any page`).toContain(id);
  });

  for (const f of quizFiles) {
    it(`${f}: 3-8 questions, one valid answer each, distinct choices, known tags`, () => {
      const q = yamlFile(`quizzes/${f}`);
      expect(q.questions.length).toBeGreaterThanOrEqual(3);
      expect(q.questions.length).toBeLessThanOrEqual(8);
      for (const question of q.questions) {
        expect(Number.isInteger(question.answer)).toBe(true);
        expect(question.answer).toBeGreaterThanOrEqual(0);
        expect(question.answer).toBeLessThan(question.choices.length);
        expect(new Set(question.choices).size).toBe(question.choices.length);
        expect(question.explanation.length).toBeGreaterThan(40);
      }
      for (const t of q.tags ?? []) expect(topicIds).toContain(t);
    });
  }

  it('correct answers are not always in the same position', () => {
    const positions = quizFiles.flatMap((f) => yamlFile(`quizzes/${f}`).questions.map((q: any) => q.answer));
    expect(new Set(positions).size).toBeGreaterThan(1);
  });
});

describe('quiz answer positions', () => {
  // A reader who always picks the same letter should not pass: no position may hold most answers.
  const long = quizFiles.map((f) => ({ f, q: yamlFile<{ questions: { answer: number }[] }>(`quizzes/${f}`).questions })).filter(({ q }) => q.length >= 4);
  for (const { f, q } of long) {
    it(`${f}: correct answers are spread over the choices`, () => {
      const counts = new Map<number, number>();
      for (const { answer } of q) counts.set(answer, (counts.get(answer) ?? 0) + 1);
      expect(Math.max(...counts.values()) / q.length).toBeLessThanOrEqual(0.6);
    });
  }
});
