/**
 * Pure helpers that turn a learning path's syllabus (a guide, track or course)
 * into what the pages show: numbering ("2.7"), lesson URLs, derived totals and
 * prev/next. Nothing here is typed by hand.
 */
import { lessonUrl } from './urls.ts';

export type Level = 'beginner' | 'intermediate' | 'advanced';

export interface SyllabusLesson {
  id: string;
  title: string;
  summary: string;
  level?: Level | undefined;
  minutes: number;
  tags: string[];
  topics: string[];
}

export interface Syllabus {
  id: string;
  kind: 'guide' | 'track' | 'course';
  title: string;
  level: Level;
  numbering: { prefix: string; start: number; perUnit: boolean };
  units: { title: string; summary?: string | undefined; lessons: SyllabusLesson[] }[];
}

export interface OutlineLesson extends SyllabusLesson {
  /** display number: "3", "2.7" or "1.4" */
  number: string;
  level: Level;
  url: string;
  /** true when the lesson's MDX exists; otherwise it is "coming soon" */
  written: boolean;
  /** computed reading minutes when written, the planned minutes otherwise */
  minutes: number;
  unit: number;
  /** stable key for saved progress: `<path>/<lesson>` */
  key: string;
}

export interface Outline {
  units: { title: string; summary?: string | undefined; number: number; lessons: OutlineLesson[] }[];
  lessons: OutlineLesson[];
  totals: { lessons: number; written: number; minutes: number; hours: number; level: Level };
}

export function lessonKey(pathId: string, lessonId: string): string {
  return `${pathId}/${lessonId}`;
}

/** `written` maps lesson id to its computed reading minutes, for lessons whose MDX exists. */
export function outline(path: Syllabus, written: ReadonlyMap<string, number>): Outline {
  const lessons: OutlineLesson[] = [];
  let n = path.numbering.start;
  const units = path.units.map((unit, u) => {
    const list = unit.lessons.map((l, i) => {
      const number = path.numbering.perUnit
        ? `${path.numbering.prefix}${u + 1}.${i + path.numbering.start}`
        : `${path.numbering.prefix}${n++}`;
      const computed = written.get(l.id);
      const item: OutlineLesson = {
        ...l,
        number,
        level: l.level ?? path.level,
        url: lessonUrl(path.id, l.id),
        written: computed !== undefined,
        minutes: computed ?? l.minutes,
        unit: u,
        key: lessonKey(path.id, l.id),
      };
      lessons.push(item);
      return item;
    });
    return { title: unit.title, summary: unit.summary, number: u + 1, lessons: list };
  });
  const minutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  return {
    units,
    lessons,
    totals: {
      lessons: lessons.length,
      written: lessons.filter((l) => l.written).length,
      minutes,
      hours: Math.round(minutes / 60),
      level: commonestLevel(lessons.map((l) => l.level)) ?? path.level,
    },
  };
}

/** The level most lessons have; ties go to the easier level. */
export function commonestLevel(levels: Level[]): Level | undefined {
  const order: Level[] = ['beginner', 'intermediate', 'advanced'];
  let best: Level | undefined;
  let bestCount = 0;
  for (const lv of order) {
    const c = levels.filter((x) => x === lv).length;
    if (c > bestCount) {
      best = lv;
      bestCount = c;
    }
  }
  return best;
}

/** Previous and next written lessons around `lessonId`, skipping ones not written yet. */
export function neighbours(o: Outline, lessonId: string): { prev?: OutlineLesson; next?: OutlineLesson } {
  const written = o.lessons.filter((l) => l.written);
  const i = written.findIndex((l) => l.id === lessonId);
  if (i < 0) return {};
  const prev = written[i - 1];
  const next = written[i + 1];
  return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
}
