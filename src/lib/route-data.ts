/**
 * Per-page route data: everything a route hands its layout and components
 * (title, eyebrow, lede, SEO with crumbs and JSON-LD, tags, quiz, prev/next),
 * built from the collections so a route file only picks a layout and renders.
 */
import { KIND_LABEL, CATEGORY_LABEL, type Category } from './labels.ts';
import { formatDate, formatReadingTime, isoDay, lengthStat, levelLabel, plural } from './format.ts';
import {
  getLearningPaths,
  getPatterns,
  getPosts,
  getQuizzes,
  getTopics,
  learningPathById,
  minutesOf,
  patternById,
  postById,
  quizById,
  type LearningPath,
  type PatternEntry,
  type PostEntry,
  type QuizEntry,
  type RoadmapEntry,
  type TopicEntry,
} from './collections.ts';
import { countOf, quizHomes, topicLinks, topicListing, topicListings, type Link, type TopicLink, type TopicListing } from './listings.ts';
import { neighbours, type Level, type OutlineLesson } from './learning-paths.ts';
import { patternCard, postCard, type PatternCardData, type PostCardData } from './cards.ts';
import { courseLd, sectionSeo, type SeoInput } from './seo.ts';
import { categoryUrl, pathUrl, postUrl, patternUrl, quizUrl, roadmapUrl, topicUrl, URLS } from './urls.ts';
import type { QuizQuestion } from '../widgets/quiz/model.ts';

/** What the Page and Article layouts take. */
export interface Frame {
  title: string;
  eyebrow?: string | undefined;
  lede?: string | undefined;
  seo: SeoInput;
}

/** An Article frame also feeds search: its kind and topic filters. */
export interface ArticleFrame extends Frame {
  kind: 'Article' | 'Pattern' | 'Lesson';
  topics: string[];
}

export interface QuizData {
  id: string;
  questions: QuizQuestion[];
}

export async function quizData(id: string): Promise<QuizData> {
  const quiz = await quizById(id);
  return { id: quiz.id, questions: quiz.data.questions };
}

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
      kind: 'Article',
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
      kind: 'Pattern',
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
      kind: 'Lesson',
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

export interface TopicPage {
  frame: Frame;
  listing: TopicListing;
  empty: boolean;
}

export async function topicPage(topic: TopicEntry): Promise<TopicPage> {
  const url = topicUrl(topic.id);
  const listing = await topicListing(topic.id);
  return {
    frame: {
      title: topic.data.title,
      eyebrow: 'Topic',
      lede: topic.data.description,
      seo: {
        title: `${topic.data.title}: lessons, patterns and articles`,
        description: topic.data.description,
        path: url,
        crumbs: [
          { label: 'Topics', href: URLS.topics },
          { label: topic.data.title, href: url },
        ],
      },
    },
    listing,
    empty: Object.values(listing).every((xs) => xs.length === 0),
  };
}

/** The topic index: every topic with the number of published pages it gathers. */
export async function topicCards() {
  const listings = await topicListings();
  return (await getTopics()).map((t) => {
    const n = countOf(listings.get(t.id));
    return { url: topicUrl(t.id), title: t.data.title, description: t.data.description, count: n === 0 ? 'Pages coming soon' : plural(n, 'page') };
  });
}

export interface QuizPage {
  frame: Frame;
  home: Link | undefined;
  quiz: QuizData;
}

export async function quizPage(quiz: QuizEntry): Promise<QuizPage> {
  const home = (await quizHomes()).get(quiz.id);
  const url = quizUrl(quiz.id);
  const n = quiz.data.questions.length;
  return {
    frame: {
      title: quiz.data.title,
      eyebrow: 'Quiz',
      lede: home ? `${n} questions on “${home.title}”.` : `${n} questions.`,
      seo: {
        title: quiz.data.title,
        description: `${n} scenario questions with explanations${home ? ` on ${home.title}` : ''}.`,
        path: url,
        crumbs: [
          { label: 'Quizzes', href: URLS.quizzes },
          { label: quiz.data.title, href: url },
        ],
      },
    },
    home,
    quiz: { id: quiz.id, questions: quiz.data.questions },
  };
}

/** The quiz index, by title. */
export async function quizCards() {
  const homes = await quizHomes();
  return [...(await getQuizzes())]
    .sort((a, b) => a.data.title.localeCompare(b.data.title))
    .map((q) => {
      const home = homes.get(q.id);
      return { url: quizUrl(q.id), title: q.data.title, summary: `${q.data.questions.length} questions${home ? ` · from “${home.title}”` : ''}` };
    });
}

export interface CategoryPage {
  frame: Frame;
  category: Category;
  count: string;
  posts: PostCardData[];
}

export async function categoryPage(category: Category): Promise<CategoryPage> {
  const label = CATEGORY_LABEL[category];
  const posts = (await getPosts()).filter((p) => p.data.category === category);
  const url = categoryUrl(category);
  return {
    frame: {
      title: `${label} articles`,
      lede: `Every ${label.toLowerCase()} article on the blog, newest first.`,
      seo: {
        title: `${label} articles`,
        description: `All ${label.toLowerCase()} articles: ${posts.length} deep dives with diagrams, code and quizzes.`,
        path: url,
        crumbs: [
          { label: 'Blog', href: URLS.blog },
          { label, href: url },
        ],
      },
    },
    category,
    count: plural(posts.length, 'article'),
    posts: posts.map(postCard),
  };
}

export async function postCards(limit?: number): Promise<PostCardData[]> {
  return (await getPosts()).slice(0, limit).map(postCard);
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

export { sectionSeo };

/** The pattern catalogue: each card with its tag pills, and the filter's tags in first-seen order. */
export async function patternIndex() {
  const patterns = await getPatterns();
  const filterTags = await topicLinks(patterns.flatMap((p) => p.data.tags.map((t) => t.id)));
  const cards = await Promise.all(
    patterns.map(async (p) => ({ ...patternCard(p), tags: await topicLinks(p.data.tags.map((t) => t.id)) })),
  );
  return {
    filter: filterTags,
    cards,
    count: plural(patterns.length, 'pattern'),
  };
}
