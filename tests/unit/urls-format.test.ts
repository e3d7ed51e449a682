import { describe, expect, it } from 'vitest';
import * as urls from '../../src/lib/urls.ts';
import { formatDate, formatHours, formatLength, formatMinutes, formatReadingTime, isoDay, lengthStat, levelLabel, plural } from '../../src/lib/format.ts';

describe('urls', () => {
  it('builds every kind of page URL with a trailing slash', () => {
    const built = [
      urls.pathUrl('p'),
      urls.lessonUrl('p', 'l'),
      urls.postUrl('x'),
      urls.categoryUrl('backend'),
      urls.patternUrl('x'),
      urls.topicUrl('x'),
      urls.quizUrl('x'),
      urls.roadmapUrl('x'),
      urls.simulatorUrl('x'),
      urls.toolUrl('x'),
    ];
    expect(built).toEqual([
      '/learn/p/',
      '/learn/p/l/',
      '/blog/x/',
      '/blog/category/backend/',
      '/patterns/x/',
      '/topics/x/',
      '/quizzes/x/',
      '/roadmaps/x/',
      '/simulators/x/',
      '/tools/x/',
    ]);
    for (const [name, url] of Object.entries(urls.URLS)) {
      if (name !== 'rss') expect(url, name).toMatch(/^\/([a-z0-9-]+\/)*$/);
    }
  });

  it('points at a card on the index page for simulators and tools without a page', () => {
    expect(urls.simulatorCardUrl('caching')).toBe('/simulators/#caching');
    expect(urls.toolCardUrl('jwt-decoder')).toBe('/tools/#jwt-decoder');
  });

  it('links a simulator or tool only when it is live', () => {
    expect(urls.linkIfLive('live', '/simulators/x/')).toBe('/simulators/x/');
    expect(urls.linkIfLive('planned', '/simulators/x/')).toBeUndefined();
  });
});

describe('format', () => {
  it('says "1 hour" but "2 hours", never "1 hours"', () => {
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(2)).toBe('2 hours');
    expect(plural(1, 'module')).toBe('1 module');
    expect(plural(16, 'module')).toBe('16 modules');
    expect(plural(0, 'page')).toBe('0 pages');
  });

  it('gives a path length in whole hours from one hour up, in minutes below', () => {
    expect(formatLength({ minutes: 400, hours: 7 })).toBe('7 hours');
    expect(formatLength({ minutes: 45, hours: 1 })).toBe('1 hour');
    expect(formatLength({ minutes: 29, hours: 0 })).toBe('29 min');
    expect(lengthStat({ minutes: 400, hours: 7 })).toEqual({ label: 'Hours', value: '7' });
    expect(lengthStat({ minutes: 29, hours: 0 })).toEqual({ label: 'Reading', value: '29 min' });
  });

  it('writes reading time in minutes however long it is', () => {
    expect(formatMinutes(18)).toBe('18 min');
    expect(formatReadingTime(75)).toBe('75 min read');
  });

  it('writes dates one way, in UTC, with a machine-readable day', () => {
    const d = new Date('2026-11-03T23:30:00Z');
    expect(formatDate(d)).toBe('3 November 2026');
    expect(isoDay(d)).toBe('2026-11-03');
  });

  it('capitalises levels', () => {
    expect(levelLabel('intermediate')).toBe('Intermediate');
  });
});
