/** What each kind of card shows, so every list of posts, paths or simulators shows the same. */
import { KIND_LABEL, CATEGORY_LABEL } from './labels.ts';
import { formatDate, formatLength, formatReadingTime, isoDay, plural } from './format.ts';
import { minutesOf, type LearningPath, type PatternEntry, type PostEntry } from './collections.ts';
import { linkIfLive, pathUrl, patternUrl, postUrl, type Status } from './urls.ts';
import type { Level } from './learning-paths.ts';

export interface PostCardData {
  url: string;
  title: string;
  description: string;
  category: string;
  date: { iso: string; label: string };
  readingTime: string;
}

export function postCard(post: PostEntry): PostCardData {
  return {
    url: postUrl(post.id),
    title: post.data.title,
    description: post.data.description,
    category: CATEGORY_LABEL[post.data.category],
    date: { iso: isoDay(post.data.published), label: formatDate(post.data.published) },
    readingTime: formatReadingTime(minutesOf(post)),
  };
}

export interface PathCardData {
  url: string;
  title: string;
  eyebrow: string;
  summary: string;
  /** "16 modules" or "5 lessons" */
  count: string;
  /** "7 hours" */
  length: string;
  level: Level;
}

export function pathCard({ entry, outline }: LearningPath): PathCardData {
  const kind = KIND_LABEL[entry.data.kind];
  return {
    url: pathUrl(entry.id),
    title: entry.data.title,
    eyebrow: entry.data.eyebrow ? `${kind} · ${entry.data.eyebrow}` : kind,
    summary: entry.data.summary,
    count: plural(outline.totals.lessons, entry.data.kind === 'track' ? 'module' : 'lesson'),
    length: formatLength(outline.totals),
    level: outline.totals.level,
  };
}

export interface PatternCardData {
  url: string;
  title: string;
  summary: string;
}

export function patternCard(p: PatternEntry): PatternCardData {
  return { url: patternUrl(p.id), title: p.data.title, summary: p.data.summary };
}

export interface WidgetCardData {
  id: string;
  title: string;
  summary: string;
  /** only a live simulator or tool links to its page */
  url: string | undefined;
}

export function widgetCard(w: { id: string; data: { title: string; summary: string; status: Status } }, url: (id: string) => string): WidgetCardData {
  return { id: w.id, title: w.data.title, summary: w.data.summary, url: linkIfLive(w.data.status, url(w.id)) };
}
