/**
 * The product's specification as data: titles, minutes, levels, tags, categories and topic
 * lists that the content must carry. Content rules compare the content against this fixture,
 * so counts come from here and never from literals in the tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SpecGuideLesson { title: string; minutes: number; tags: string[] }
export interface SpecModule { number: string; level: string; title: string }
export interface SpecPattern { title: string; tags: string[] }
export interface SpecPost { title: string; category: string; minutes: number; summary: string }
export interface SpecCourseModule { title: string; lessons: { title: string; topics: string[] }[] }

export interface Syllabus {
  /** The Phase 2 guide; tags are spelled as the spec spells them (resolved through topic aliases). */
  guide: { lessons: SpecGuideLesson[] };
  /** The Building Blocks track and the stats its page states. */
  track: { modules: SpecModule[]; stats: { modules: number; hours: number; difficulty: string } };
  /** The patterns catalogue: how many it lists and how many its copy promises. */
  patterns: { listed: number; promised: number; patterns: SpecPattern[] };
  /** The blog: the article count it states, and each post in its order (newest first). */
  blog: { stated: number; posts: SpecPost[] };
  /** The course: the module and lesson counts it states, and each lesson's topic list. */
  course: { modules: SpecCourseModule[]; stated: { modules: number; lessons: number } };
}

export const syllabusSpec: Syllabus = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../fixtures/syllabus.json'), 'utf8'),
);
