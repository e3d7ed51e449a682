import { describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_KEY,
  QUIZ_KEY,
  isComplete,
  readProgress,
  readQuizResults,
  saveQuizResult,
  setComplete,
  subscribe,
  validateProgress,
  validateQuizResults,
} from '../../src/scripts/saved-state.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.has(k) ? this.data.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('saved state', () => {
  it('uses versioned keys', () => {
    expect(PROGRESS_KEY).toMatch(/:v\d+$/);
    expect(QUIZ_KEY).toMatch(/:v\d+$/);
  });

  it('marks and unmarks lessons complete, keyed by path/lesson id', () => {
    const s = new MemoryStorage();
    expect(isComplete('p/a', s)).toBe(false);
    setComplete('p/a', true, NOW, s);
    setComplete('p/b', true, NOW, s);
    expect(isComplete('p/a', s)).toBe(true);
    expect(JSON.parse(s.getItem(PROGRESS_KEY)!)).toEqual({ completed: { 'p/a': NOW.toISOString(), 'p/b': NOW.toISOString() } });
    setComplete('p/a', false, NOW, s);
    expect(isComplete('p/a', s)).toBe(false);
    expect(isComplete('p/b', s)).toBe(true);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON of the wrong shape', '[1,2,3]'],
    ['a completion that is not a date', JSON.stringify({ completed: { 'p/a': 'yesterday' } })],
    ['null', 'null'],
  ])('resets a corrupt progress value (%s) instead of crashing', (_, raw) => {
    const s = new MemoryStorage();
    s.setItem(PROGRESS_KEY, raw);
    expect(readProgress(s)).toEqual({ completed: {} });
    expect(s.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('keeps working when storage throws (private mode, quota)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readProgress(broken)).toEqual({ completed: {} });
    expect(() => setComplete('p/a', true, NOW, broken)).not.toThrow();
    expect(readQuizResults(broken)).toEqual({});
  });

  it('saves and validates quiz results', () => {
    const s = new MemoryStorage();
    saveQuizResult('q1', { score: 2, total: 3, answers: [0, 1, -1], at: NOW.toISOString() }, s);
    expect(readQuizResults(s)).toEqual({ q1: { score: 2, total: 3, answers: [0, 1, -1], at: NOW.toISOString() } });
    s.setItem(QUIZ_KEY, JSON.stringify({ q1: { score: 5, total: 3, answers: [], at: NOW.toISOString() } }));
    expect(readQuizResults(s)).toEqual({});
    expect(s.getItem(QUIZ_KEY)).toBeNull();
  });

  it('validators reject foreign shapes and accept good ones', () => {
    expect(validateProgress({ completed: {} })).toEqual({ completed: {} });
    expect(validateProgress({})).toBeNull();
    expect(validateQuizResults({ a: { score: 1, total: 1, answers: [0], at: NOW.toISOString() } })).not.toBeNull();
    expect(validateQuizResults({ a: { score: 1.5, total: 2, answers: [0], at: NOW.toISOString() } })).toBeNull();
    expect(validateQuizResults({ a: { score: 1, total: 2, answers: [-2], at: NOW.toISOString() } })).toBeNull();
  });

  it('notifies subscribers on every write', () => {
    const s = new MemoryStorage();
    const fn = vi.fn();
    const off = subscribe(fn);
    setComplete('p/a', true, NOW, s);
    saveQuizResult('q', { score: 0, total: 1, answers: [-1], at: NOW.toISOString() }, s);
    off();
    setComplete('p/b', true, NOW, s);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
