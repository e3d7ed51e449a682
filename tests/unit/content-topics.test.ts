import { describe, expect, it } from 'vitest';
import { mdxFiles, resolveTag, topics } from './helpers/content-files.ts';
import { syllabusSpec } from './helpers/syllabus.ts';

describe('topic taxonomy', () => {
  const all = topics();

  it('has at least 30 topics with unique kebab-case ids, and aliases that map to one topic only', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const t of all) expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const aliases = all.flatMap((t) => (t.aliases ?? []).map((a) => a.toLowerCase()));
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('covers every tag of the patterns catalogue', () => {
    for (const p of syllabusSpec.patterns.patterns) for (const tag of p.tags) expect(resolveTag(tag, all), tag).toBeDefined();
  });

  it('every tag used by content is a topic', () => {
    const ids = new Set(all.map((t) => t.id));
    const used = [...mdxFiles('blog'), ...mdxFiles('patterns'), ...mdxFiles('lessons'), ...mdxFiles('simulators')].flatMap((f) => f.data.tags ?? []);
    for (const t of used) expect(ids, t).toContain(t);
  });
});
