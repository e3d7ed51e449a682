/** Route data of the reading pages: blog posts, patterns and lessons. */
import { KIND_LABEL, CATEGORY_LABEL } from '../labels.ts';
import { SEARCH_KIND, lessonKind } from '../search-kind.ts';
import { formatDate, formatReadingTime, isoDay } from '../format.ts';
import { getLearningPaths, minutesOf, patternById, postById, type LearningPath, type PatternEntry, type PostEntry } from '../collections.ts';
import { topicLinks, type TopicLink } from '../listings.ts';
import { neighbours, type Level, type OutlineLesson } from '../learning-paths.ts';
import { patternCard, postCard, type PatternCardData, type PostCardData } from '../cards.ts';
import { categoryUrl, pathUrl, patternUrl, postUrl, URLS } from '../urls.ts';
import { quizData, type ArticleFrame, type QuizData } from './frame.ts';

export interface PostPage {
  frame: ArticleFrame;
  date: { iso: string; label: string };
  readingTime: string;
  tags: TopicLink[];
  quiz: QuizData;
  related: PostCardData[];
}

export async function postPage(post: PostEntry): Promise<PostPage> {
  const d = post.data;
  const url = postUrl(post.id);
  const category = CATEGORY_LABEL[d.category];
  const topics = d.tags.map((t) => t.id);
  return {
    frame: {
      title: d.title,
      eyebrow: category,
      lede: d.description,
      kind: SEARCH_KIND.post,
      topics,
      seo: {
        title: d.title,
        description: d.description,
        path: url,
        type: 'article',
        published: d.published,
        ...(d.updated ? { updated: d.updated } : {}),
        crumbs: [
          { label: 'Blog', href: URLS.blog },
          { label: category, href: categoryUrl(d.category) },
          { label: d.title, href: url },
        ],
      },
    },
    date: { iso: isoDay(d.published), label: formatDate(d.published) },
    readingTime: formatReadingTime(minutesOf(post)),
    tags: await topicLinks(topics),
    quiz: await quizData(d.quiz.id),
    related: await Promise.all(d.related.map(async (r) => postCard(await postById(r.id)))),
  };
}

export interface PatternPage {
  frame: ArticleFrame;
  readingTime: string;
  tags: TopicLink[];
  quiz: QuizData;
  related: PatternCardData[];
}

export async function patternPage(pattern: PatternEntry): Promise<PatternPage> {
  const d = pattern.data;
  const url = patternUrl(pattern.id);
  const topics = d.tags.map((t) => t.id);
  return {
    frame: {
      title: d.title,
      eyebrow: 'Pattern',
      lede: d.summary,
      kind: SEARCH_KIND.pattern,
      topics,
      seo: {
        title: `${d.title} pattern`,
        description: d.summary,
        path: url,
        type: 'article',
        crumbs: [
          { label: 'Patterns', href: URLS.patterns },
          { label: d.title, href: url },
        ],
      },
    },
    readingTime: formatReadingTime(minutesOf(pattern)),
    tags: await topicLinks(topics),
    quiz: await quizData(d.quiz.id),
    related: await Promise.all(d.related.map(async (r) => patternCard(await patternById(r.id)))),
  };
}

export interface NeighbourLink {
  title: string;
  url: string;
  number: string;
}

const neighbourLink = (l: OutlineLesson | undefined): NeighbourLink | undefined => l && { title: l.title, url: l.url, number: l.number };

export interface LessonPage {
  frame: ArticleFrame;
  level: Level;
  readingTime: string;
  tags: TopicLink[];
  /** the syllabus's topic list, shown as "This lesson covers" */
  covers: string[];
  quiz: QuizData;
  progressKey: string;
  prev: NeighbourLink | undefined;
  next: NeighbourLink | undefined;
}

/** Every written lesson of every path, with what its page needs to look itself up. */
export async function writtenLessons() {
  return (await getLearningPaths()).flatMap((path) =>
    path.outline.lessons.filter((l) => l.written).map((lesson) => ({ path, lesson, entry: path.written.get(lesson.id)! })),
  );
}

export async function lessonPage(path: LearningPath, lesson: OutlineLesson): Promise<LessonPage> {
  const entry = path.written.get(lesson.id);
  if (!entry) throw new Error(`Lesson "${lesson.key}" has no MDX file, so it has no page`);
  const p = path.entry.data;
  const topics = [...new Set([...lesson.tags, ...entry.data.tags.map((t) => t.id)])];
  const { prev, next } = neighbours(path.outline, lesson.id);
  return {
    frame: {
      title: lesson.title,
      eyebrow: `${p.eyebrow ?? KIND_LABEL[p.kind]} · ${p.kind === 'track' ? 'Module' : 'Lesson'} ${lesson.number}`,
      lede: lesson.summary,
      kind: lessonKind(p.kind),
      topics,
      seo: {
        title: lesson.title,
        description: entry.data.description ?? lesson.summary,
        path: lesson.url,
        type: 'article',
        ...(entry.data.updated ? { updated: entry.data.updated } : {}),
        crumbs: [
          { label: 'Learn', href: URLS.learn },
          { label: p.title, href: pathUrl(path.entry.id) },
          { label: `${lesson.number} ${lesson.title}`, href: lesson.url },
        ],
      },
    },
    level: lesson.level,
    readingTime: formatReadingTime(lesson.minutes),
    tags: await topicLinks(topics),
    covers: lesson.topics,
    quiz: await quizData(entry.data.quiz.id),
    progressKey: lesson.key,
    prev: neighbourLink(prev),
    next: neighbourLink(next),
  };
}
