/** Everything on the site that carries a topic, for the topic pages and their counts. */
import { getCollection } from 'astro:content';
import { getLearningPaths, getPatterns, getPosts, quizHomes } from './content.ts';

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

export async function topicListings(): Promise<Map<string, TopicListing>> {
  const map = new Map<string, TopicListing>();
  const get = (id: string) => {
    if (!map.has(id)) map.set(id, { lessons: [], patterns: [], posts: [], simulators: [], quizzes: [] });
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
  for (const p of await getPatterns()) for (const t of p.data.tags) get(t.id).patterns.push({ title: p.data.title, summary: p.data.summary, url: `/patterns/${p.id}/` });
  for (const p of await getPosts()) for (const t of p.data.tags) get(t.id).posts.push({ title: p.data.title, summary: p.data.description, url: `/blog/${p.id}/` });
  for (const s of await getCollection('simulators'))
    for (const t of s.data.tags) get(t.id).simulators.push({ title: s.data.title, summary: s.data.summary, url: s.data.status === 'live' ? `/simulators/${s.id}/` : undefined });
  const homes = await quizHomes();
  for (const q of await getCollection('quizzes')) {
    for (const t of q.data.tags) {
      const home = homes.get(q.id);
      get(t.id).quizzes.push({ title: q.data.title, summary: home ? `Quiz for “${home.title}”` : `${q.data.questions.length} questions`, url: `/quizzes/${q.id}/` });
    }
  }
  return map;
}

export function countOf(l: TopicListing | undefined): number {
  if (!l) return 0;
  return l.lessons.filter((x) => x.url).length + l.patterns.length + l.posts.length + l.quizzes.length + l.simulators.filter((x) => x.url).length;
}
