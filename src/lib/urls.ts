/**
 * The URL of every kind of page, built in one place so a route, a card, a feed
 * and a listing can never disagree about where a page lives. Every URL ends in
 * a slash, as the site's trailing-slash setting serves them.
 */

/** Index and information pages: fixed addresses. */
export const URLS = {
  home: '/',
  learn: '/learn/',
  roadmaps: '/roadmaps/',
  blog: '/blog/',
  patterns: '/patterns/',
  topics: '/topics/',
  quizzes: '/quizzes/',
  simulators: '/simulators/',
  tools: '/tools/',
  whiteboard: '/whiteboard/',
  videos: '/videos/',
  ebooks: '/ebooks/',
  cohorts: '/cohorts/',
  testimonials: '/testimonials/',
  about: '/about/',
  contact: '/contact/',
  search: '/search/',
  notFound: '/404/',
  rss: '/rss.xml',
} as const;

export const pathUrl = (pathId: string): string => `/learn/${pathId}/`;
export const lessonUrl = (pathId: string, lessonId: string): string => `/learn/${pathId}/${lessonId}/`;
export const postUrl = (id: string): string => `/blog/${id}/`;
export const categoryUrl = (category: string): string => `/blog/category/${category}/`;
export const patternUrl = (id: string): string => `/patterns/${id}/`;
export const topicUrl = (id: string): string => `/topics/${id}/`;
export const quizUrl = (id: string): string => `/quizzes/${id}/`;
export const roadmapUrl = (id: string): string => `/roadmaps/${id}/`;
export const simulatorUrl = (id: string): string => `/simulators/${id}/`;
export const toolUrl = (id: string): string => `/tools/${id}/`;

/** A simulator's or tool's card on its index page, where it is described before it has a page. */
export const simulatorCardUrl = (id: string): string => `${URLS.simulators}#${id}`;
export const toolCardUrl = (id: string): string => `${URLS.tools}#${id}`;

export type Status = 'planned' | 'live';

/**
 * The one rule for linking a simulator or tool: only a live one has a page to
 * link to; a planned one is listed as "coming soon" without a link.
 */
export function linkIfLive(status: Status, url: string): string | undefined {
  return status === 'live' ? url : undefined;
}
