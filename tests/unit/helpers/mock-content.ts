/**
 * A stand-in for `astro:content` in unit tests: a small, made-up site held in
 * memory, served by getCollection like Astro's own, with a count of how often
 * each collection was queried. Use it with
 * `vi.mock('astro:content', () => mockContent(site))`.
 */
export type Store = Record<string, { id: string; data: Record<string, unknown>; body?: string }[]>;

export const ref = (collection: string, id: string) => ({ collection, id });
export const refs = (collection: string, ids: string[]) => ids.map((id) => ref(collection, id));

/** A body of exactly `n` words of prose. */
export const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

export function mockContent(store: Store) {
  const calls: Record<string, number> = {};
  const entries = (collection: string) => (store[collection] ?? []).map((e) => ({ ...e, collection }));
  return {
    calls,
    getCollection: async (collection: string) => {
      calls[collection] = (calls[collection] ?? 0) + 1;
      return entries(collection);
    },
    getEntry: async (collection: string, id: string) => entries(collection).find((e) => e.id === id),
  };
}

const quiz = (title: string, tags: string[] = []) => ({
  title,
  tags: refs('topics', tags),
  questions: [1, 2, 3].map((i) => ({ prompt: `Question ${i} of ${title}?`, choices: ['yes', 'no'], answer: 0, explanation: 'Because the fixture says so.' })),
});

const planned = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Lesson ${id.toUpperCase()}`,
  summary: `What lesson ${id} is about.`,
  minutes: 25,
  tags: [] as unknown[],
  topics: [] as string[],
  ...extra,
});

/** A made-up site: one track of three lessons (two written), two posts, a pattern, quizzes and two simulators. */
export function fixtureSite(): Store {
  return {
    topics: [
      { id: 'caching', data: { title: 'Caching', description: 'Keeping copies close to the reader.' } },
      { id: 'queues', data: { title: 'Queues', description: 'Work that waits its turn.' } },
      { id: 'kafka', data: { title: 'Kafka', description: 'A log that many consumers read.' } },
      { id: 'unused', data: { title: 'Unused', description: 'A topic nothing carries yet.' } },
    ],
    paths: [
      {
        id: 'track',
        data: {
          kind: 'track',
          title: 'The Track',
          eyebrow: 'Deep dive',
          summary: 'A track of three modules.',
          level: 'intermediate',
          outcomes: ['Explain the fixture'],
          numbering: { prefix: '2.', start: 0, perUnit: false },
          units: [
            { title: 'One', lessons: [planned('a', { tags: refs('topics', ['caching']) }), planned('b', { level: 'advanced' })] },
            { title: 'Two', lessons: [planned('c', { tags: refs('topics', ['queues']) })] },
          ],
        },
      },
      {
        id: 'guide',
        data: {
          kind: 'guide',
          title: 'The Guide',
          summary: 'A guide of one planned lesson.',
          level: 'beginner',
          outcomes: ['Start'],
          numbering: { prefix: '', start: 1, perUnit: false },
          units: [{ title: 'Only', lessons: [planned('g1', { minutes: 40 })] }],
        },
      },
    ],
    lessons: [
      { id: 'track/a', data: { quiz: ref('quizzes', 'q-a'), tags: refs('topics', ['kafka']), description: 'Lesson A, described for search engines.' }, body: words(690) },
      { id: 'track/b', data: { quiz: ref('quizzes', 'q-b'), tags: [] }, body: words(230) },
    ],
    blog: [
      {
        id: 'older',
        data: {
          title: 'Older post',
          description: 'The older of two posts.',
          category: 'backend',
          published: new Date('2026-11-03T00:00:00Z'),
          tags: refs('topics', ['caching', 'caching', 'queues']),
          related: refs('blog', ['newer']),
          quiz: ref('quizzes', 'q-older'),
        },
        body: words(460),
      },
      {
        id: 'newer',
        data: {
          title: 'Newer post',
          description: 'The newer of two posts.',
          category: 'database',
          published: new Date('2026-11-05T00:00:00Z'),
          tags: refs('topics', ['queues']),
          related: [],
          quiz: ref('quizzes', 'q-newer'),
        },
        body: words(100),
      },
    ],
    patterns: [
      { id: 'second', data: { title: 'Second', summary: 'Ordered second.', tags: refs('topics', ['queues']), related: refs('patterns', ['first']), quiz: ref('quizzes', 'q-second'), order: 2 }, body: words(230) },
      { id: 'first', data: { title: 'First', summary: 'Ordered first.', tags: refs('topics', ['caching']), related: [], quiz: ref('quizzes', 'q-first'), order: 1 }, body: words(230) },
    ],
    quizzes: [
      { id: 'q-a', data: quiz('Quiz A', ['caching']) },
      { id: 'q-b', data: quiz('Quiz B') },
      { id: 'q-older', data: quiz('Quiz Older') },
      { id: 'q-newer', data: quiz('Quiz Newer') },
      { id: 'q-first', data: quiz('Quiz First') },
      { id: 'q-second', data: quiz('Quiz Second') },
      { id: 'q-orphan', data: quiz('Orphan quiz', ['kafka']) },
    ],
    simulators: [
      { id: 'live-sim', data: { title: 'Live simulator', summary: 'Ships today.', tags: refs('topics', ['caching']), status: 'live', order: 1 } },
      { id: 'soon-sim', data: { title: 'Planned simulator', summary: 'Ships later.', tags: refs('topics', ['caching']), status: 'planned', order: 2 } },
    ],
    roadmaps: [
      {
        id: 'map',
        data: {
          title: 'Map',
          summary: 'A roadmap of two phases.',
          phases: [
            { title: 'Read', summary: 'Posts first.', paths: [], posts: refs('blog', ['older']) },
            { title: 'Learn', summary: 'Then the track.', paths: refs('paths', ['track']), posts: [] },
          ],
        },
      },
    ],
  };
}
