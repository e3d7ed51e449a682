/**
 * Listings derived across collections, computed once per build: where each quiz
 * is used, everything that carries a topic, and topic pills.
 */
import { once } from './once.ts';
import { getLearningPaths, getPatterns, getPosts, getQuizzes, getSimulators, topicById } from './collections.ts';
import { linkIfLive, patternUrl, postUrl, quizUrl, simulatorUrl, topicUrl } from './urls.ts';

export interface Link {
  title: string;
  url: string;
}

export interface TopicLink extends Link {
  id: string;
}

/** Topic pills for a list of topic ids, each once, in the order given. */
export async function topicLinks(ids: readonly string[]): Promise<TopicLink[]> {
  return Promise.all([...new Set(ids)].map(async (id) => ({ id, title: (await topicById(id)).data.title, url: topicUrl(id) })));
}

/** Where each quiz is used, so the quiz page can link back to its lesson, post or pattern. */
export const quizHomes = once(async (): Promise<Map<string, Link>> => {
  const homes = new Map<string, Link>();
  for (const p of await getLearningPaths()) {
    for (const l of p.outline.lessons) {
      const entry = p.written.get(l.id);
      if (entry) homes.set(entry.data.quiz.id, { title: l.title, url: l.url });
    }
  }
  for (const post of await getPosts()) homes.set(post.data.quiz.id, { title: post.data.title, url: postUrl(post.id) });
  for (const pat of await getPatterns()) homes.set(pat.data.quiz.id, { title: pat.data.title, url: patternUrl(pat.id) });
  return homes;
});

export interface TopicItem {
  title: string;
  summary: string;
  /** undefined when the item is not published yet (shown as coming soon) */
  url?: string | undefined;
  label?: string;
}

export interface TopicListing {
  lessons: TopicItem[];
  patterns: TopicItem[];
  posts: TopicItem[];
  simulators: TopicItem[];
  quizzes: TopicItem[];
}

/** Topic ids of an entry, each once even if its frontmatter repeats one. */
const topicIds = (tags: readonly { id: string }[]) => [...new Set(tags.map((t) => t.id))];

const emptyListing = (): TopicListing => ({ lessons: [], patterns: [], posts: [], simulators: [], quizzes: [] });

/** Everything on the site that carries each topic, by topic id. */
export const topicListings = once(async (): Promise<Map<string, TopicListing>> => {
  const map = new Map<string, TopicListing>();
  const get = (id: string) => {
    if (!map.has(id)) map.set(id, emptyListing());
    return map.get(id)!;
  };
  for (const p of await getLearningPaths()) {
    for (const l of p.outline.lessons) {
      const extra = p.written.get(l.id)?.data.tags.map((t) => t.id) ?? [];
      for (const t of new Set([...l.tags, ...extra])) {
        get(t).lessons.push({ title: l.title, summary: l.summary, url: l.written ? l.url : undefined, label: `${p.entry.data.title} · ${l.number}` });
      }
    }
  }
  for (const p of await getPatterns()) for (const t of topicIds(p.data.tags)) get(t).patterns.push({ title: p.data.title, summary: p.data.summary, url: patternUrl(p.id) });
  for (const p of await getPosts()) for (const t of topicIds(p.data.tags)) get(t).posts.push({ title: p.data.title, summary: p.data.description, url: postUrl(p.id) });
  for (const s of await getSimulators())
    for (const t of topicIds(s.data.tags)) get(t).simulators.push({ title: s.data.title, summary: s.data.summary, url: linkIfLive(s.data.status, simulatorUrl(s.id)) });
  const homes = await quizHomes();
  for (const q of await getQuizzes()) {
    const home = homes.get(q.id);
    for (const t of topicIds(q.data.tags)) {
      get(t).quizzes.push({ title: q.data.title, summary: home ? `Quiz for “${home.title}”` : `${q.data.questions.length} questions`, url: quizUrl(q.id) });
    }
  }
  return map;
});

export async function topicListing(topicId: string): Promise<TopicListing> {
  return (await topicListings()).get(topicId) ?? emptyListing();
}

/** How many published pages a topic gathers (coming-soon items do not count). */
export function countOf(l: TopicListing | undefined): number {
  if (!l) return 0;
  return l.lessons.filter((x) => x.url).length + l.patterns.length + l.posts.length + l.quizzes.length + l.simulators.filter((x) => x.url).length;
}
