/**
 * The zod schema of every collection, one per kind, each
 * field documented. `reference` is injected so unit tests can check the schemas
 * without Astro's virtual modules; src/content.config.ts passes the real one.
 */
import { z } from 'astro/zod';

type Reference = (collection: string) => z.ZodType<{ id: string; collection: string }>;

export function collectionSchemas(reference: Reference) {
  const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case slugs');
  const level = z.enum(['beginner', 'intermediate', 'advanced']);

  const topics = z.object({
    /** one-word or short title shown on pills and the topic page */
    title: z.string().min(2),
    /** one line, shown on the topic index and as the page description */
    description: z.string().min(20),
    /** the seeds' spellings of this topic, so seed tags resolve to one page */
    aliases: z.array(z.string()).default([]),
  });

  /** One lesson as planned in a path: the syllabus. The MDX body lives in `lessons`. */
  const plannedLesson = z.object({
    /** lesson id = file name of `lessons/<path>/<id>.mdx` and the URL segment */
    id: slug,
    /** the title the syllabus gives it */
    title: z.string().min(5),
    /** one or two sentences: the syllabus's summary, in our words */
    summary: z.string().min(20),
    /** overrides the path's level for this lesson (the track sets one per module) */
    level: level.optional(),
    /** planned reading minutes (the syllabus's figure); a written lesson shows its computed time */
    minutes: z.number().int().min(1).max(60),
    /** topic ids */
    tags: z.array(reference('topics')).default([]),
    /** the syllabus's topic list for course lessons: every item gets a section */
    topics: z.array(z.string()).default([]),
  });

  const paths = z.object({
    kind: z.enum(['guide', 'track', 'course']),
    title: z.string(),
    /** short label shown above the title, e.g. "Phase 2" */
    eyebrow: z.string().optional(),
    summary: z.string().min(20),
    level,
    /** what a reader can do after finishing the path */
    outcomes: z.array(z.string()).min(1),
    /** how lessons are numbered: "2." + index from 0 gives 2.0..2.15; "" from 1 gives 1..5 */
    numbering: z
      .object({ prefix: z.string().default(''), start: z.number().int().min(0).default(1), perUnit: z.boolean().default(false) })
      .default({ prefix: '', start: 1, perUnit: false }),
    /** the roadmap phase this path belongs to, if any */
    phase: z.number().int().min(1).optional(),
    units: z
      .array(
        z.object({
          title: z.string(),
          summary: z.string().optional(),
          lessons: z.array(plannedLesson).min(1),
        }),
      )
      .min(1),
  });

  const lessons = z.object({
    /** search-result and meta description; defaults to the syllabus summary */
    description: z.string().min(50).max(200).optional(),
    /** every lesson has a quiz */
    quiz: reference('quizzes'),
    /** extra topic ids beyond the syllabus tags */
    tags: z.array(reference('topics')).default([]),
    updated: z.coerce.date().optional(),
  });

  const patterns = z.object({
    title: z.string(),
    /** the card text on the pattern index */
    summary: z.string().min(40).max(220),
    /** topic ids; the syllabus's tags resolve to these through topic aliases */
    tags: z.array(reference('topics')).min(1),
    related: z.array(reference('patterns')).default([]),
    quiz: reference('quizzes'),
    /** position on the index, as the syllabus orders them */
    order: z.number().int().min(1),
  });

  const blog = z.object({
    title: z.string(),
    description: z.string().min(80).max(260),
    category: z.enum(['system-design', 'backend', 'database']),
    published: z.coerce.date(),
    updated: z.coerce.date().optional(),
    tags: z.array(reference('topics')).min(1),
    related: z.array(reference('blog')).default([]),
    quiz: reference('quizzes'),
  });

  const quizzes = z.object({
    title: z.string(),
    tags: z.array(reference('topics')).default([]),
    questions: z
      .array(
        z
          .object({
            prompt: z.string().min(10),
            choices: z.array(z.string().min(1)).min(2).max(6),
            /** index into choices, from 0 */
            answer: z.number().int().min(0),
            /** why the answer is right and why the tempting wrong one is wrong */
            explanation: z.string().min(40),
          })
          .refine((q) => q.answer < q.choices.length, { message: 'answer must index one of the choices' }),
      )
      .min(3)
      .max(8),
  });

  const videos = z.object({
    title: z.string(),
    summary: z.string(),
    /** planned until a recording exists; no video is invented */
    status: z.enum(['planned', 'published']),
    tags: z.array(reference('topics')).default([]),
    /** the written lesson or post the video accompanies */
    companion: z.string().regex(/^\//).optional(),
  });

  const ebooks = z.object({
    title: z.string(),
    summary: z.string(),
    /** the path the ebook is built from */
    path: reference('paths'),
    status: z.enum(['planned', 'available']),
  });

  const cohorts = z.object({
    title: z.string(),
    summary: z.string(),
    path: reference('paths'),
    weeks: z.number().int().min(1),
    format: z.string(),
    status: z.enum(['planned', 'open', 'running', 'finished']),
  });

  const testimonials = z.object({
    /** only real, consented quotes; the file stays empty until there are some */
    quote: z.string(),
    name: z.string(),
    role: z.string().optional(),
    consent: z.literal(true),
  });

  /** A simulator's page: its card data in frontmatter, and (once live) a short article as the body. */
  const simulators = z.object({
    title: z.string(),
    summary: z.string(),
    tags: z.array(reference('topics')).min(1),
    /** live publishes /simulators/<id>/; the build fails if no island is registered for the id */
    status: z.enum(['planned', 'live']),
    /** place on the simulators index */
    order: z.number().int().positive(),
  });

  const tools = z.object({
    title: z.string(),
    summary: z.string(),
    tags: z.array(reference('topics')).default([]),
    status: z.enum(['planned', 'live']),
  });

  const roadmaps = z.object({
    title: z.string(),
    summary: z.string(),
    phases: z
      .array(
        z.object({
          title: z.string(),
          summary: z.string(),
          /** guide, track or course paths for this phase */
          paths: z.array(reference('paths')).default([]),
          /** articles that cover the phase until its guide is written */
          posts: z.array(reference('blog')).default([]),
        }),
      )
      .min(1),
  });

return { topics, paths, lessons, patterns, blog, quizzes, videos, ebooks, cohorts, testimonials, simulators, tools, roadmaps };
}

export type CollectionName = keyof ReturnType<typeof collectionSchemas>;
