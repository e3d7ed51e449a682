import { describe, expect, it } from 'vitest';
import { commonestLevel, neighbours, outline, type Syllabus } from '../../src/lib/learning-paths.ts';

const lesson = (id: string, extra: Partial<Syllabus['units'][number]['lessons'][number]> = {}) => ({
  id,
  title: `Title ${id}`,
  summary: 'A summary long enough.',
  minutes: 25,
  tags: [],
  topics: [],
  ...extra,
});

const track: Syllabus = {
  id: 'building-blocks',
  kind: 'track',
  title: 'Building Blocks',
  level: 'intermediate',
  numbering: { prefix: '2.', start: 0, perUnit: false },
  units: [
    { title: 'A', lessons: [lesson('a'), lesson('b', { level: 'advanced' })] },
    { title: 'B', lessons: [lesson('c'), lesson('d', { level: 'advanced' }), lesson('e')] },
  ],
};

describe('outline', () => {
  it('numbers a track continuously from its prefix and start (2.0, 2.1, ...)', () => {
    const o = outline(track, new Map());
    expect(o.lessons.map((l) => l.number)).toEqual(['2.0', '2.1', '2.2', '2.3', '2.4']);
    expect(o.units.map((u) => u.number)).toEqual([1, 2]);
  });

  it('numbers per unit for courses (1.1 .. 2.3)', () => {
    const o = outline({ ...track, kind: 'course', numbering: { prefix: '', start: 1, perUnit: true } }, new Map());
    expect(o.lessons.map((l) => l.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
  });

  it('derives totals: planned minutes for unwritten lessons, computed minutes for written ones', () => {
    const o = outline(track, new Map([['c', 31]]));
    expect(o.totals.lessons).toBe(5);
    expect(o.totals.written).toBe(1);
    expect(o.totals.minutes).toBe(25 * 4 + 31);
    expect(o.totals.hours).toBe(Math.round(131 / 60));
    expect(o.lessons.find((l) => l.id === 'c')).toMatchObject({ written: true, minutes: 31, url: '/learn/building-blocks/c/' });
    expect(o.lessons.find((l) => l.id === 'a')).toMatchObject({ written: false, minutes: 25 });
  });

  it('derives the path level from its lessons (the path level is the default per lesson)', () => {
    expect(outline(track, new Map()).totals.level).toBe('intermediate');
    const hard: Syllabus = { ...track, level: 'advanced' };
    expect(outline(hard, new Map()).totals.level).toBe('advanced');
  });

  it('gives every lesson a stable progress key made of path and lesson ids', () => {
    expect(outline(track, new Map()).lessons[0]?.key).toBe('building-blocks/a');
  });

  it('a track of 16 modules of 25 minutes totals 7 hours in the outline', () => {
    const sixteen: Syllabus = { ...track, units: [{ title: 'all', lessons: Array.from({ length: 16 }, (_, i) => lesson(`m${i}`)) }] };
    const o = outline(sixteen, new Map());
    expect(o.lessons.at(-1)?.number).toBe('2.15');
    expect(o.totals.hours).toBe(7);
  });
});

describe('neighbours', () => {
  it('links only written lessons, skipping unwritten ones in between', () => {
    const o = outline(track, new Map([['a', 10], ['c', 12], ['e', 9]]));
    expect(neighbours(o, 'a')).toEqual({ next: expect.objectContaining({ id: 'c' }) });
    const mid = neighbours(o, 'c');
    expect(mid.prev?.id).toBe('a');
    expect(mid.next?.id).toBe('e');
    expect(neighbours(o, 'e')).toEqual({ prev: expect.objectContaining({ id: 'c' }) });
    expect(neighbours(o, 'b')).toEqual({});
  });
});

describe('helpers', () => {
  it('commonestLevel breaks ties toward the easier level', () => {
    expect(commonestLevel(['advanced', 'intermediate'])).toBe('intermediate');
    expect(commonestLevel(['advanced', 'advanced', 'beginner'])).toBe('advanced');
    expect(commonestLevel([])).toBeUndefined();
  });
});
