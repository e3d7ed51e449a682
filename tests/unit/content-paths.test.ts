/** The three path files against the syllabus, and the lessons written for them. */
import { describe, expect, it } from 'vitest';
import { outline, type Syllabus } from '../../src/lib/learning-paths.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, diagrams, headings, internalLinks, mdxFiles, quizExists, resolveTag, topics, yamlFile } from './helpers/content-files.ts';
import { syllabusSpec } from './helpers/syllabus.ts';

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
const pathIds = readdirSync(join(CONTENT, 'paths')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const topicIds = new Set(allTopics.map((t) => t.id));

describe('guide: Phase 2 · Core Building Blocks', () => {
  const spec = syllabusSpec.guide.lessons;
  const path = syllabus('system-design-phase-2');
  const o = outline(path, new Map());

  it('has the syllabus\'s lessons, titles, minutes and order', () => {
    expect(o.lessons.map((l) => l.title)).toEqual(spec.map((s) => s.title));
    expect(o.lessons.map((l) => l.minutes)).toEqual(spec.map((s) => s.minutes));
    expect(o.lessons.map((l) => l.number)).toEqual(spec.map((_, i) => String(i + 1)));
  });

  it('tags every lesson with the topics its syllabus tags resolve to', () => {
    spec.forEach((s, i) => {
      for (const tag of s.tags) {
        const id = resolveTag(tag, allTopics);
        expect(id, `syllabus tag "${tag}"`).toBeDefined();
        expect(o.lessons[i]!.tags, `${o.lessons[i]!.id} lacks ${tag}`).toContain(id);
      }
    });
  });
});

describe('track: Building Blocks', () => {
  const spec = syllabusSpec.track;
  const o = outline(syllabus('building-blocks'), new Map());

  it('has the syllabus\'s modules, numbered from 2.0, with their titles and levels', () => {
    expect(spec.modules).toHaveLength(spec.stats.modules);
    expect(spec.modules[0]!.number).toBe('2.0');
    expect(o.lessons.map((l) => l.number)).toEqual(spec.modules.map((m) => m.number));
    expect(o.lessons.map((l) => l.title)).toEqual(spec.modules.map((m) => m.title));
    expect(o.lessons.map((l) => l.level)).toEqual(spec.modules.map((m) => m.level));
  });

  it('derives the stats the track page states (modules, hours, difficulty)', () => {
    expect(o.totals.lessons).toBe(spec.stats.modules);
    expect(o.totals.hours).toBe(spec.stats.hours);
    expect(o.totals.level).toBe(spec.stats.difficulty);
  });
});

describe('course: System Design: APIs, Caching & Scalability', () => {
  const spec = syllabusSpec.course;
  const path = syllabus('system-design-apis-caching-scalability');
  const o = outline(path, new Map());

  it('has the syllabus\'s modules and lessons with their titles and topic lists', () => {
    expect(spec.modules).toHaveLength(spec.stated.modules);
    expect(spec.modules.flatMap((m) => m.lessons)).toHaveLength(spec.stated.lessons);
    expect(path.units.map((u) => u.title)).toEqual(spec.modules.map((m) => m.title));
    expect(o.lessons.map((l) => l.title)).toEqual(spec.modules.flatMap((m) => m.lessons.map((l) => l.title)));
    expect(o.lessons.map((l) => l.topics)).toEqual(spec.modules.flatMap((m) => m.lessons.map((l) => l.topics)));
    expect(o.totals.lessons).toBe(spec.stated.lessons);
  });
});

describe('every path file', () => {
  for (const id of pathIds) {
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
    pathIds.map((id) => [id, outline(syllabus(id), new Map())]),
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
        it('gives every topic of the syllabus\'s list its own heading', () => {
          const hs = [...headings(l.body, 2), ...headings(l.body, 3)].map((h) => h.toLowerCase());
          for (const topic of planned.topics) {
            expect(hs.some((h) => h.includes(topic.toLowerCase())), `no heading for "${topic}"`).toBe(true);
          }
        });
      }
    });
  }
});
