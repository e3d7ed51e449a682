/** Route data of a learning path's page and of roadmaps. */
import { KIND_LABEL } from '../labels.ts';
import { formatReadingTime, lengthStat, levelLabel } from '../format.ts';
import { learningPathById, postById, type LearningPath, type RoadmapEntry } from '../collections.ts';
import { topicLinks, type Link, type TopicLink } from '../listings.ts';
import type { Level } from '../learning-paths.ts';
import { courseLd } from '../seo.ts';
import { pathUrl, postUrl, roadmapUrl, URLS } from '../urls.ts';
import type { Frame } from './frame.ts';
import { SEARCH_KIND } from '../search-kind.ts';

export interface OutlineUnitView {
  number: number;
  title: string;
  summary?: string | undefined;
  lessons: {
    key: string;
    number: string;
    title: string;
    summary: string;
    level: Level;
    topics: string[];
    /** only a written lesson links to its page */
    url: string | undefined;
    /** only a written lesson has a reading time; the others are "coming soon" */
    readingTime: string | undefined;
    tags: TopicLink[];
  }[];
}

export interface PathPage {
  frame: Frame;
  /** "Modules" for a track, "Lessons" otherwise */
  countLabel: string;
  stats: { label: string; value: string }[];
  progressKeys: string[];
  outcomes: string[];
  units: OutlineUnitView[];
  showUnits: boolean;
  showTopics: boolean;
}

export async function pathPage(path: LearningPath): Promise<PathPage> {
  const { entry, outline } = path;
  const d = entry.data;
  const url = pathUrl(entry.id);
  const countLabel = d.kind === 'track' ? 'Modules' : 'Lessons';
  const length = lengthStat(outline.totals);
  return {
    frame: {
      title: d.title,
      eyebrow: d.eyebrow ?? KIND_LABEL[d.kind],
      lede: d.summary,
      seo: {
        title: d.eyebrow ? `${d.eyebrow} · ${d.title}` : d.title,
        description: d.summary,
        path: url,
        crumbs: [
          { label: 'Learn', href: URLS.learn },
          { label: d.title, href: url },
        ],
        jsonLd: [courseLd(d.title, d.summary, url)],
      },
    },
    countLabel,
    stats: [
      { label: countLabel, value: String(outline.totals.lessons) },
      length,
      { label: 'Difficulty', value: levelLabel(outline.totals.level) },
      { label: 'Written so far', value: `${outline.totals.written} of ${outline.totals.lessons}` },
    ],
    progressKeys: outline.lessons.filter((l) => l.written).map((l) => l.key),
    outcomes: d.outcomes,
    units: await Promise.all(
      outline.units.map(async (u) => ({
        number: u.number,
        title: u.title,
        summary: u.summary,
        lessons: await Promise.all(
          u.lessons.map(async (l) => ({
            key: l.key,
            number: l.number,
            title: l.title,
            summary: l.summary,
            level: l.level,
            topics: l.topics,
            url: l.written ? l.url : undefined,
            readingTime: l.written ? formatReadingTime(l.minutes) : undefined,
            tags: await topicLinks(l.tags),
          })),
        ),
      })),
    ),
    showUnits: d.kind === 'course' || outline.units.length > 1,
    showTopics: d.kind === 'course',
  };
}

export interface RoadmapPhase {
  title: string;
  summary: string;
  paths: { title: string; url: string; kind: string; lessons: { key: string; number: string; title: string; url: string | undefined }[] }[];
  posts: Link[];
  /** progress keys of the phase's written lessons */
  progressKeys: string[];
}

export async function roadmapPage(roadmap: RoadmapEntry): Promise<{ frame: Frame; phases: RoadmapPhase[] }> {
  const url = roadmapUrl(roadmap.id);
  const title = `${roadmap.data.title} roadmap`;
  const phases = await Promise.all(
    roadmap.data.phases.map(async (ph) => {
      const paths = await Promise.all(ph.paths.map((ref) => learningPathById(ref.id)));
      return {
        title: ph.title,
        summary: ph.summary,
        paths: paths.map((p) => ({
          title: p.entry.data.title,
          url: pathUrl(p.entry.id),
          kind: KIND_LABEL[p.entry.data.kind],
          lessons: p.outline.lessons.map((l) => ({ key: l.key, number: l.number, title: l.title, url: l.written ? l.url : undefined })),
        })),
        posts: await Promise.all(ph.posts.map(async (ref) => ({ title: (await postById(ref.id)).data.title, url: postUrl(ref.id) }))),
        progressKeys: paths.flatMap((p) => p.outline.lessons.filter((l) => l.written).map((l) => l.key)),
      };
    }),
  );
  return {
    frame: {
      title,
      lede: roadmap.data.summary,
      kind: SEARCH_KIND.roadmap,
      seo: {
        title,
        description: roadmap.data.summary,
        path: url,
        crumbs: [
          { label: 'Roadmaps', href: URLS.roadmaps },
          { label: roadmap.data.title, href: url },
        ],
      },
    },
    phases,
  };
}

/** A learning path as another page links to it (cohorts, ebooks). */
export async function pathLink(id: string): Promise<Link> {
  const p = await learningPathById(id);
  return { title: p.entry.data.title, url: pathUrl(p.entry.id) };
}
