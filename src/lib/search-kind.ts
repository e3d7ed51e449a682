/**
 * What search calls each kind of page: the values of the kind filter and the label on each
 * result. Route data picks one of these for every indexed page, so no page types its own.
 */
export const SEARCH_KIND = {
  lesson: 'Lesson',
  module: 'Module',
  courseLesson: 'Course lesson',
  pattern: 'Pattern',
  post: 'Post',
  simulator: 'Simulator',
  tool: 'Tool',
  quiz: 'Quiz',
  topic: 'Topic',
  roadmap: 'Roadmap',
  page: 'Page',
} as const;

export type SearchKind = (typeof SEARCH_KIND)[keyof typeof SEARCH_KIND];

/** A guide's lesson is a Lesson, a track's a Module, a course's a Course lesson. */
export function lessonKind(pathKind: 'guide' | 'track' | 'course'): SearchKind {
  return { guide: SEARCH_KIND.lesson, track: SEARCH_KIND.module, course: SEARCH_KIND.courseLesson }[pathKind];
}

/**
 * Weights of a page's title and lede in the index. Quiz, topic and roadmap pages repeat the
 * titles of the pages they gather, so only the pages that teach get the boost and come first.
 */
export function headWeights(kind: SearchKind | undefined): { title: string | undefined; lede: string | undefined } {
  const gathers = kind === SEARCH_KIND.quiz || kind === SEARCH_KIND.topic || kind === SEARCH_KIND.roadmap;
  return gathers ? { title: undefined, lede: undefined } : { title: '10', lede: '3' };
}
