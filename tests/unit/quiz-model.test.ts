import { describe, expect, it } from 'vitest';
import { check, choose, initialState, isCorrect, score, verdict, type QuizQuestion } from '../../src/widgets/quiz/model.ts';

const qs: QuizQuestion[] = [
  { prompt: 'Q1?', choices: ['a', 'b', 'c'], answer: 1, explanation: 'because b' },
  { prompt: 'Q2?', choices: ['a', 'b'], answer: 0, explanation: 'because a' },
];

describe('quiz model', () => {
  it('starts unanswered and scores only checked answers', () => {
    let s = initialState(qs);
    expect(s.chosen).toEqual([-1, -1]);
    s = choose(s, 0, 1);
    expect(score(qs, s)).toEqual({ score: 0, total: 2, done: false });
    s = check(s, 0);
    expect(score(qs, s)).toEqual({ score: 1, total: 2, done: false });
    s = check(choose(s, 1, 1), 1);
    expect(isCorrect(qs, s, 1)).toBe(false);
    expect(score(qs, s)).toEqual({ score: 1, total: 2, done: true });
  });

  it('cannot check an unanswered question or change a checked answer', () => {
    const s0 = initialState(qs);
    expect(check(s0, 0)).toBe(s0);
    const s1 = check(choose(s0, 0, 2), 0);
    expect(choose(s1, 0, 1).chosen[0]).toBe(2);
  });

  it('restores saved answers, ignoring out-of-range ones', () => {
    const s = initialState(qs, [1, 7]);
    expect(s.chosen).toEqual([1, -1]);
    expect(s.checked).toEqual([true, false]);
    expect(initialState(qs).chosen).toEqual([-1, -1]);
  });

  it('gives a verdict by score', () => {
    expect(verdict({ score: 2, total: 2 })).toMatch(/All correct/);
    expect(verdict({ score: 3, total: 5 })).toMatch(/Good/);
    expect(verdict({ score: 1, total: 5 })).toMatch(/another pass/);
  });
});
