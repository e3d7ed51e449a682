/**
 * Per-page route data, in the spirit of Starlight's utils/routing/data.ts:
 * everything a route hands its layout and components (title, eyebrow, lede,
 * SEO with crumbs and JSON-LD, tags, quiz, prev/next), built from the cached
 * collections so a route file only picks a layout and renders.
 */
export * from './frame.ts';
export * from './articles.ts';
export * from './learning.ts';
export * from './topics.ts';
export * from './quizzes.ts';
export * from './catalogues.ts';
export * from './simulators.ts';
