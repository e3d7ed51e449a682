/**
 * Every collection of the site: where its files live and
 * its schema (src/lib/schemas.ts). A wrong field, a missing quiz or a reference
 * to a missing entry fails the build. Files starting with `_` are skipped.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collectionSchemas } from './lib/schemas.ts';

const schemas = collectionSchemas(reference as never);
const mdx = (dir: string) => glob({ pattern: '**/[^_]*.mdx', base: `./src/content/${dir}` });
const yaml = (dir: string) => glob({ pattern: '**/[^_]*.yaml', base: `./src/content/${dir}` });

export const collections = {
  topics: defineCollection({ loader: file('src/content/topics.yaml'), schema: schemas.topics }),
  paths: defineCollection({ loader: yaml('paths'), schema: schemas.paths }),
  lessons: defineCollection({ loader: mdx('lessons'), schema: schemas.lessons }),
  patterns: defineCollection({ loader: mdx('patterns'), schema: schemas.patterns }),
  blog: defineCollection({ loader: mdx('blog'), schema: schemas.blog }),
  quizzes: defineCollection({ loader: yaml('quizzes'), schema: schemas.quizzes }),
  videos: defineCollection({ loader: file('src/content/videos.yaml'), schema: schemas.videos }),
  ebooks: defineCollection({ loader: file('src/content/ebooks.yaml'), schema: schemas.ebooks }),
  cohorts: defineCollection({ loader: file('src/content/cohorts.yaml'), schema: schemas.cohorts }),
  testimonials: defineCollection({ loader: file('src/content/testimonials.yaml'), schema: schemas.testimonials }),
  simulators: defineCollection({ loader: mdx('simulators'), schema: schemas.simulators }),
  tools: defineCollection({ loader: file('src/content/tools.yaml'), schema: schemas.tools }),
  roadmaps: defineCollection({ loader: file('src/content/roadmaps.yaml'), schema: schemas.roadmaps }),
};
