/**
 * Every collection query the routes need, each run once per build (see once.ts)
 * and sorted in the order the site lists it. Reading time is computed once per
 * entry here, and learning paths get their outline here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { once } from './once.ts';
import { readingMinutes } from './reading-time.ts';
import { outline, type Outline, type Syllabus } from './learning-paths.ts';

export type PathEntry = CollectionEntry<'paths'>;
export type LessonEntry = CollectionEntry<'lessons'>;
export type PostEntry = CollectionEntry<'blog'>;
export type PatternEntry = CollectionEntry<'patterns'>;
export type QuizEntry = CollectionEntry<'quizzes'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type RoadmapEntry = CollectionEntry<'roadmaps'>;

const minutes = new Map<string, number>();

/** Reading minutes of an MDX entry, counted once per entry per build. */
export function minutesOf(entry: { collection: string; id: string; body?: string | undefined }): number {
  const key = `${entry.collection}/${entry.id}`;
  let m = minutes.get(key);
  if (m === undefined) {
    m = readingMinutes(entry.body ?? '');
    minutes.set(key, m);
  }
  return m;
}

/** Newest first; a tie keeps a stable order by id. */
export const getPosts = once(async () =>
  (await getCollection('blog')).sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id)),
);

/** In the catalogue's order. */
export const getPatterns = once(async () => (await getCollection('patterns')).sort((a, b) => a.data.order - b.data.order));

export const getTopics = once(async () => (await getCollection('topics')).sort((a, b) => a.data.title.localeCompare(b.data.title)));

export const getQuizzes = once(() => getCollection('quizzes'));

export const getSimulators = once(async () => (await getCollection('simulators')).sort((a, b) => a.data.order - b.data.order));
export type SimulatorEntry = CollectionEntry<'simulators'>;
export const getTools = once(() => getCollection('tools'));
export const getRoadmaps = once(() => getCollection('roadmaps'));
export const getVideos = once(() => getCollection('videos'));
export const getEbooks = once(() => getCollection('ebooks'));
export const getCohorts = once(() => getCollection('cohorts'));
export const getTestimonials = once(() => getCollection('testimonials'));

function toSyllabus(p: PathEntry): Syllabus {
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

export interface LearningPath {
  entry: PathEntry;
  outline: Outline;
  /** lesson id → its MDX entry */
  written: Map<string, LessonEntry>;
}

const KIND_ORDER = { guide: 0, track: 1, course: 2 } as const;

/** Every learning path with its outline. Fails the build if a lesson file is not in its path's syllabus. */
export const getLearningPaths = once(async (): Promise<LearningPath[]> => {
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
  return paths
    .sort((a, b) => KIND_ORDER[a.data.kind] - KIND_ORDER[b.data.kind])
    .map((entry) => {
      const written = byPath.get(entry.id) ?? new Map<string, LessonEntry>();
      const computed = new Map([...written].map(([id, l]) => [id, minutesOf(l)]));
      return { entry, outline: outline(toSyllabus(entry), computed), written };
    });
});

function byId<T extends { id: string }>(kind: string, all: () => Promise<T[]>) {
  const index = once(async () => new Map((await all()).map((x) => [x.id, x])));
  return async (id: string): Promise<T> => {
    const found = (await index()).get(id);
    if (!found) throw new Error(`Unknown ${kind} "${id}"`);
    return found;
  };
}

export const postById = byId('post', getPosts);
export const patternById = byId('pattern', getPatterns);
export const topicById = byId('topic', getTopics);
export const quizById = byId('quiz', getQuizzes);
export const learningPathById = byId(
  'learning path',
  once(async () => (await getLearningPaths()).map((p) => ({ ...p, id: p.entry.id }))),
);
