/**
 * Build-time content queries shared by the routes. Everything derived (reading
 * time, outlines, topic listings) is computed here from the collections.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { readingMinutes } from './reading-time.ts';
import { outline, type Outline, type Syllabus } from './learning-paths.ts';

export type PathEntry = CollectionEntry<'paths'>;
export type LessonEntry = CollectionEntry<'lessons'>;
export type PostEntry = CollectionEntry<'blog'>;
export type PatternEntry = CollectionEntry<'patterns'>;
export type QuizEntry = CollectionEntry<'quizzes'>;
export type TopicEntry = CollectionEntry<'topics'>;

export const KIND_LABEL = {
  guide: 'Guide',
  track: 'Track',
  course: 'Course',
} as const;

export const CATEGORY_LABEL = {
  'system-design': 'System design',
  backend: 'Backend',
  database: 'Database',
} as const;

export function minutesOf(entry: { body?: string | undefined }): number {
  return readingMinutes(entry.body ?? '');
}

export function toSyllabus(p: PathEntry): Syllabus {
  return {
    id: p.id,
    kind: p.data.kind,
    title: p.data.title,
    level: p.data.level,
    numbering: p.data.numbering,
    units: p.data.units.map((u) => ({
      title: u.title,
      summary: u.summary,
      lessons: u.lessons.map((l) => ({ ...l, tags: l.tags.map((t) => t.id) })),
    })),
  };
}

export interface PathWithOutline {
  entry: PathEntry;
  outline: Outline;
  /** lesson id → its MDX entry */
  written: Map<string, LessonEntry>;
}

let pathsCache: Promise<PathWithOutline[]> | undefined;

/** Every path with its outline. Fails the build if a lesson file is not in its path's syllabus. */
export function getLearningPaths(): Promise<PathWithOutline[]> {
  pathsCache ??= (async () => {
    const [paths, lessons] = await Promise.all([getCollection('paths'), getCollection('lessons')]);
    const byPath = new Map<string, Map<string, LessonEntry>>();
    for (const l of lessons) {
      const [pathId, lessonId, ...rest] = l.id.split('/');
      const path = paths.find((p) => p.id === pathId);
      const planned = path?.data.units.some((u) => u.lessons.some((x) => x.id === lessonId));
      if (!pathId || !lessonId || rest.length || !path || !planned) {
        throw new Error(
          `Lesson file src/content/lessons/${l.id}.mdx is not in any path's syllabus: add it to src/content/paths/${pathId}.yaml or move it.`,
        );
      }
      if (!byPath.has(pathId)) byPath.set(pathId, new Map());
      byPath.get(pathId)!.set(lessonId, l);
    }
    const order = { guide: 0, track: 1, course: 2 };
    return paths
      .sort((a, b) => order[a.data.kind] - order[b.data.kind])
      .map((entry) => {
        const written = byPath.get(entry.id) ?? new Map<string, LessonEntry>();
        const minutes = new Map([...written].map(([id, l]) => [id, minutesOf(l)]));
        return { entry, outline: outline(toSyllabus(entry), minutes), written };
      });
  })();
  return pathsCache;
}

export async function getPosts(): Promise<PostEntry[]> {
  const posts = await getCollection('blog');
  return posts.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}

export async function getPatterns(): Promise<PatternEntry[]> {
  const patterns = await getCollection('patterns');
  return patterns.sort((a, b) => a.data.order - b.data.order);
}

export async function getTopics(): Promise<TopicEntry[]> {
  const topics = await getCollection('topics');
  return topics.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export async function topicTitles(ids: string[]): Promise<{ id: string; title: string }[]> {
  const out: { id: string; title: string }[] = [];
  for (const id of ids) {
    const t = await getEntry('topics', id);
    if (!t) throw new Error(`Unknown topic "${id}"`);
    out.push({ id, title: t.data.title });
  }
  return out;
}

/** Where a quiz is used, so the quiz page can link back to its lesson, post or pattern. */
export async function quizHomes(): Promise<Map<string, { title: string; url: string }>> {
  const homes = new Map<string, { title: string; url: string }>();
  for (const p of await getLearningPaths()) {
    for (const l of p.outline.lessons) {
      const entry = p.written.get(l.id);
      if (entry) homes.set(entry.data.quiz.id, { title: l.title, url: l.url });
    }
  }
  for (const post of await getPosts()) homes.set(post.data.quiz.id, { title: post.data.title, url: `/blog/${post.id}/` });
  for (const pat of await getPatterns()) homes.set(pat.data.quiz.id, { title: pat.data.title, url: `/patterns/${pat.id}/` });
  return homes;
}

export function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
