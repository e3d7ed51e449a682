/** The three path files against their seeds, and the lessons written for them. */
import { describe, expect, it } from 'vitest';
import { outline, type Syllabus } from '../../src/lib/learning-paths.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { diagrams, headings, internalLinks, mdxFiles, quizExists, resolveTag, topics, yamlFile } from './helpers/content-files.ts';
import { courseSeed, guideSeed, trackSeed } from './helpers/seeds.ts';

const syllabus = (id: string): Syllabus => {
  const d = yamlFile(`paths/${id}.yaml`);
  return {
    id,
    kind: d.kind,
    title: d.title,
    level: d.level,
    numbering: { prefix: '', start: 1, perUnit: false, ...d.numbering },
    units: d.units.map((u: any) => ({ ...u, lessons: u.lessons.map((l: any) => ({ tags: [], topics: [], ...l })) })),
  };
};
const allTopics = topics();
const topicIds = new Set(allTopics.map((t) => t.id));

describe('guide: Phase 2 · Core Building Blocks (seed 000)', () => {
  const seed = guideSeed(['load balancing', 'L4', 'L7', 'caching', 'cache-aside', 'read-through', 'message queues', 'async', 'pub/sub', 'api gateway', 'microservices', 'traffic management', 'data replication', 'consistency', 'availability']);
  const path = syllabus('system-design-phase-2');
  const o = outline(path, new Map());

  it('has the seed\'s 5 lessons, titles, minutes and order', () => {
    expect(seed).toHaveLength(5);
    expect(o.lessons.map((l) => l.title)).toEqual(seed.map((s) => s.title));
    expect(o.lessons.map((l) => l.minutes)).toEqual(seed.map((s) => s.minutes));
    expect(o.lessons.map((l) => l.number)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('tags every lesson with the topics its seed tags resolve to', () => {
    seed.forEach((s, i) => {
      for (const tag of s.tags) {
        const id = resolveTag(tag, allTopics);
        expect(id, `seed tag "${tag}"`).toBeDefined();
        expect(o.lessons[i]!.tags, `${o.lessons[i]!.id} lacks ${tag}`).toContain(id);
      }
    });
  });
});

describe('track: Building Blocks (seed 001)', () => {
  const seed = trackSeed();
  const o = outline(syllabus('building-blocks'), new Map());

  it('has 16 modules numbered 2.0 to 2.15 with the seed\'s titles and levels', () => {
    expect(seed.modules).toHaveLength(16);
    expect(o.lessons.map((l) => l.number)).toEqual(seed.modules.map((m) => m.number));
    expect(o.lessons.map((l) => l.title)).toEqual(seed.modules.map((m) => m.title));
    expect(o.lessons.map((l) => l.level)).toEqual(seed.modules.map((m) => m.level));
  });

  it('derives the seed\'s stats: 16 modules, 7 hours, intermediate', () => {
    expect(o.totals.lessons).toBe(seed.stats.modules);
    expect(o.totals.hours).toBe(seed.stats.hours);
    expect(o.totals.level).toBe(seed.stats.difficulty);
  });
});

describe('course: System Design: APIs, Caching & Scalability (seed 004)', () => {
  const seed = courseSeed();
  const path = syllabus('system-design-apis-caching-scalability');
  const o = outline(path, new Map());

  it('has 6 modules x 5 lessons with the seed\'s titles and topic lists', () => {
    expect(seed.stated).toEqual({ modules: 6, lessons: 30 });
    expect(path.units.map((u) => u.title)).toEqual(seed.modules.map((m) => m.title));
    expect(o.lessons.map((l) => l.title)).toEqual(seed.modules.flatMap((m) => m.lessons.map((l) => l.title)));
    expect(o.lessons.map((l) => l.topics)).toEqual(seed.modules.flatMap((m) => m.lessons.map((l) => l.topics)));
    expect(o.totals.lessons).toBe(30);
  });
});

describe('every path file', () => {
  for (const id of ['system-design-phase-2', 'building-blocks', 'system-design-apis-caching-scalability']) {
    it(`${id}: lesson ids are unique kebab-case and tags are known topics`, () => {
      const o = outline(syllabus(id), new Map());
      const ids = o.lessons.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of o.lessons) {
        expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        for (const t of l.tags) expect(topicIds, `${id}/${l.id} tag ${t}`).toContain(t);
      }
    });
  }
});

describe('written lessons', () => {
  const lessons = mdxFiles('lessons');
  const paths = Object.fromEntries(
    ['system-design-phase-2', 'building-blocks', 'system-design-apis-caching-scalability'].map((id) => [id, outline(syllabus(id), new Map())]),
  );

  it('the exemplar lessons exist', () => {
    const ids = lessons.map((l) => l.id);
    expect(ids).toContain('system-design-phase-2/load-balancing-strategies');
    expect(ids).toContain('system-design-apis-caching-scalability/what-is-rest-api');
  });

  for (const l of lessons) {
    const [pathId, lessonId] = l.id.split('/') as [string, string];
    describe(l.id, () => {
      const planned = paths[pathId]?.lessons.find((x) => x.id === lessonId);

      it('is in its path\'s syllabus and has a quiz that exists', () => {
        expect(planned, `${l.id} is not in src/content/paths/${pathId}.yaml`).toBeDefined();
        expect(l.data.quiz).toBeTruthy();
        expect(quizExists(l.data.quiz), `quiz ${l.data.quiz}`).toBe(true);
      });

      it('reads in its planned minutes (within one minute) and has no H1 of its own', () => {
        expect(Math.abs(readingMinutes(l.raw) - planned!.minutes), `computed ${readingMinutes(l.raw)} vs planned ${planned!.minutes}`).toBeLessThanOrEqual(1);
        expect(l.body).not.toMatch(/^# /m);
      });

      it('has diagrams with captions and links to at least three other pages', () => {
        const ds = diagrams(l.body);
        expect(ds.length).toBeGreaterThanOrEqual(1);
        for (const d of ds) expect(d.caption, 'a diagram needs an italic caption line right after it').toMatch(/^\*[^*].*\*$/);
        expect(new Set(internalLinks(l.body)).size).toBeGreaterThanOrEqual(3);
      });

      if (planned && planned.topics.length > 0) {
        it('gives every topic of the seed\'s list its own heading', () => {
          const hs = [...headings(l.body, 2), ...headings(l.body, 3)].map((h) => h.toLowerCase());
          for (const topic of planned.topics) {
            expect(hs.some((h) => h.includes(topic.toLowerCase())), `no heading for "${topic}"`).toBe(true);
          }
        });
      }
    });
  }
});
