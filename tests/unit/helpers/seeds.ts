/**
 * Parses the seed pages in ../shared/seeds/ into the structures the content
 * rules compare against: the seeds' titles, lists and numbers are the spec.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_DIR = process.env.SEEDS_DIR ?? resolve(import.meta.dirname, '../../../../shared/seeds');

function seed(prefix: string): string[] {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export interface SeedGuideLesson {
  title: string;
  minutes: number;
  tags: string[];
}

/** Seed 000: the Phase 2 guide. Known tags are split off the "18 minload balancingL4L7" line. */
export function guideSeed(knownTags: string[]): SeedGuideLesson[] {
  const lines = seed('000');
  const out: SeedGuideLesson[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\d+) min(.*)$/.exec(lines[i]!);
    if (!m) continue;
    let rest = m[2]!;
    const tags: string[] = [];
    const sorted = [...knownTags].sort((a, b) => b.length - a.length);
    while (rest.length) {
      const t = sorted.find((k) => rest.startsWith(k));
      if (!t) throw new Error(`cannot split seed tags "${m[2]}" at "${rest}"`);
      tags.push(t);
      rest = rest.slice(t.length);
    }
    out.push({ title: lines[i - 2]!, minutes: Number(m[1]), tags });
  }
  return out;
}

export interface SeedModule {
  number: string;
  level: string;
  title: string;
}

/** Seed 001: the Building Blocks track, plus its headline stats. */
export function trackSeed(): { modules: SeedModule[]; stats: { modules: number; hours: number; difficulty: string } } {
  const lines = seed('001');
  const modules: SeedModule[] = [];
  lines.forEach((l, i) => {
    const m = /^- (\d+\.\d+)(beginner|intermediate|advanced)$/.exec(l);
    if (m) modules.push({ number: m[1]!, level: m[2]!, title: lines[i + 1]! });
  });
  const stat = (name: string) => lines[lines.indexOf(`- ${name}`) + 1]!.replace(/^- /, '');
  return { modules, stats: { modules: Number(stat('Modules')), hours: Number(stat('Hours')), difficulty: stat('Difficulty').toLowerCase() } };
}

export interface SeedPattern {
  title: string;
  tags: string[];
}

/** Seed 002: the patterns catalogue (24 listed, 25 promised). */
export function patternSeed(): { listed: number; promised: number; patterns: SeedPattern[] } {
  const lines = seed('002');
  const start = lines.indexOf('All System Design Patterns') + 1;
  const patterns: SeedPattern[] = [];
  for (let i = start; i + 2 < lines.length + 1; i += 3) {
    const title = lines[i];
    const tagLine = lines[i + 2];
    if (!title || !tagLine) break;
    patterns.push({ title, tags: splitPatternTags(tagLine) });
  }
  const listed = Number(/^(\d+) patterns$/m.exec(lines.join('\n'))![1]);
  const promised = Number(/These (\d+) patterns/.exec(lines.join('\n'))![1]);
  return { listed, promised, patterns };
}

/** Pattern tags are glued together in the seed ("load-balancingscalinghigh-availability"). */
export const PATTERN_TAG_VOCAB = [
  'load-balancing', 'scaling', 'high-availability', 'caching', 'performance', 'redis', 'sharding', 'database', 'microservices',
  'architecture', 'distributed-systems', 'message-queue', 'async', 'background-jobs', 'service-mesh', 'istio', 'event-sourcing',
  'audit-trail', 'circuit-breaker', 'resilience', 'fault-tolerance', 'blue-green', 'deployment', 'devops', 'database-replication',
  'read-replica', 'read-replicas', 'idempotency', 'api-design', 'reliability', 'cdn', 'horizontal-scaling', 'cloud', 'rate-limiting', 'api-security',
  'throttling', 'websockets', 'real-time', 'bidirectional', 'graphql', 'query-language', 'serverless', 'lambda', 'faas', 'indexing',
  'query-optimization', 'monolithic', 'monolith', 'event-driven', 'cqrs', 'pub-sub', 'messaging', 'kafka', 'webhooks', 'http-callbacks',
  'events', 'grpc', 'rpc', 'protocol-buffers',
];

function splitPatternTags(line: string): string[] {
  // Backtracking split: "read-replicascaling" is read-replica + scaling, not read-replicas + "caling".
  const split = (rest: string): string[] | null => {
    if (!rest) return [];
    for (const v of PATTERN_TAG_VOCAB) {
      if (!rest.startsWith(v)) continue;
      const tail = split(rest.slice(v.length));
      if (tail) return [v, ...tail];
    }
    return null;
  };
  const tags = split(line);
  if (!tags) throw new Error(`cannot split pattern tags "${line}"`);
  return tags;
}

export interface SeedPost {
  title: string;
  category: string;
  minutes: number;
  summary: string;
}

/** Seed 003: the 21 blog posts, in the seed's order. */
export function blogSeed(): { count: number; posts: SeedPost[] } {
  const lines = seed('003');
  const posts: SeedPost[] = [];
  lines.forEach((l, i) => {
    const m = /^(\d+) min$/.exec(l);
    if (m) posts.push({ category: lines[i - 1]!, minutes: Number(m[1]), title: lines[i + 1]!, summary: lines[i + 2]! });
  });
  return { count: Number(/^(\d+) Articles Published$/m.exec(lines.join('\n'))![1]), posts };
}

export interface SeedCourseModule {
  title: string;
  lessons: { title: string; topics: string[] }[];
}

/** Seed 004: the course, 6 modules x 5 lessons with each lesson's topic list. */
export function courseSeed(): { modules: SeedCourseModule[]; stated: { modules: number; lessons: number } } {
  const lines = seed('004');
  const i = lines.findIndex((l) => /^\d+ modules .* \d+ lessons/.test(l));
  const stated = /^(\d+) modules .* (\d+) lessons(.*)$/.exec(lines[i]!)!;
  const body = [stated[3]!, ...lines.slice(i + 1)];
  const modules: SeedCourseModule[] = [];
  let j = 0;
  while (j < body.length) {
    const mod: SeedCourseModule = { title: body[j]!, lessons: [] };
    j += 2;
    for (let k = 0; k < 5; k++, j += 2) {
      mod.lessons.push({ title: body[j]!, topics: body[j + 1]!.split(',').map((t) => t.trim()) });
    }
    modules.push(mod);
  }
  return { modules, stated: { modules: Number(stated[1]), lessons: Number(stated[2]) } };
}
