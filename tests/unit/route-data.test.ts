/**
 * The derived-data layer over a made-up site (helpers/mock-content.ts) in place
 * of astro:content: what each page gets, and that each query runs once per build.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureSite, mockContent } from './helpers/mock-content.ts';

const content = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof mockContent> }));
vi.mock('astro:content', () => ({
  getCollection: (c: string) => content.current.getCollection(c),
  getEntry: (c: string, id: string) => content.current.getEntry(c, id),
}));

// Each test gets fresh modules, so nothing cached by an earlier test leaks into it.
async function load(site = fixtureSite()) {
  content.current = mockContent(site);
  vi.resetModules();
  const [collections, listings, routeData, cards] = await Promise.all([
    import('../../src/lib/collections.ts'),
    import('../../src/lib/listings.ts'),
    import('../../src/lib/route-data/index.ts'),
    import('../../src/lib/cards.ts'),
  ]);
  return { calls: content.current.calls, collections, listings, routeData, cards };
}

beforeEach(() => vi.resetModules());

describe('collections', () => {
  it('sorts posts newest first and patterns by their order', async () => {
    const { collections } = await load();
    expect((await collections.getPosts()).map((p) => p.id)).toEqual(['newer', 'older']);
    expect((await collections.getPatterns()).map((p) => p.id)).toEqual(['first', 'second']);
  });

  it('orders paths guide, track, course and outlines them with computed minutes', async () => {
    const { collections } = await load();
    const [guide, track] = await collections.getLearningPaths();
    expect(guide!.entry.id).toBe('guide');
    expect(track!.outline.lessons.map((l) => [l.number, l.written, l.minutes])).toEqual([
      ['2.0', true, 3],
      ['2.1', true, 1],
      ['2.2', false, 25],
    ]);
  });

  it('fails the build for a lesson file outside every syllabus', async () => {
    const site = fixtureSite();
    site.lessons!.push({ id: 'track/stray', data: { quiz: { collection: 'quizzes', id: 'q-a' }, tags: [] }, body: 'x' });
    const { collections } = await load(site);
    await expect(collections.getLearningPaths()).rejects.toThrow(/track\/stray\.mdx is not in any path's syllabus/);
  });

  it('fails on an unknown id instead of rendering an empty link', async () => {
    const { listings } = await load();
    await expect(listings.topicLinks(['caching', 'nope'])).rejects.toThrow(/Unknown topic "nope"/);
  });
});

describe('cached per build', () => {
  it('queries each collection once however many pages ask', async () => {
    const { calls, collections, routeData } = await load();
    for (const topic of await collections.getTopics()) await routeData.topicPage(topic);
    for (const quiz of await collections.getQuizzes()) await routeData.quizPage(quiz);
    for (const post of await collections.getPosts()) await routeData.postPage(post);
    await routeData.topicCards();
    await routeData.quizCards();
    expect(Object.keys(calls).length).toBeGreaterThan(3);
    for (const [collection, n] of Object.entries(calls)) expect(n, collection).toBe(1);
  });

  it('builds the topic listings once, not once per topic page', async () => {
    const { listings } = await load();
    expect(await listings.topicListings()).toBe(await listings.topicListings());
    expect(await listings.quizHomes()).toBe(await listings.quizHomes());
  });
});

describe('listings', () => {
  it('gathers every kind of page under a topic; unpublished items have no link', async () => {
    const { listings } = await load();
    const caching = await listings.topicListing('caching');
    expect(caching.lessons.map((l) => [l.title, l.url, l.label])).toEqual([['Lesson A', '/learn/track/a/', 'The Track · 2.0']]);
    expect(caching.posts.map((p) => p.url)).toEqual(['/blog/older/']);
    expect(caching.patterns.map((p) => p.url)).toEqual(['/patterns/first/']);
    expect(caching.simulators.map((s) => [s.title, s.url])).toEqual([
      ['Live simulator', '/simulators/live-sim/'],
      ['Planned simulator', undefined],
    ]);
    expect(caching.quizzes).toEqual([{ title: 'Quiz A', summary: 'Quiz for “Lesson A”', url: '/quizzes/q-a/' }]);
    const queues = await listings.topicListing('queues');
    expect(queues.lessons.map((l) => l.url)).toEqual([undefined]);
    // lessons, patterns, posts and quizzes count; coming-soon lessons and simulators do not
    expect(listings.countOf(caching)).toBe(5);
    expect(listings.countOf(queues)).toBe(3);
    expect((await listings.topicListing('unused')).lessons).toEqual([]);
  });

  it('knows which page each quiz belongs to', async () => {
    const { listings } = await load();
    const homes = await listings.quizHomes();
    expect(homes.get('q-b')).toEqual({ title: 'Lesson B', url: '/learn/track/b/' });
    expect(homes.get('q-older')).toEqual({ title: 'Older post', url: '/blog/older/' });
    expect(homes.get('q-second')).toEqual({ title: 'Second', url: '/patterns/second/' });
    expect(homes.has('q-orphan')).toBe(false);
  });

  it('turns topic ids into pills, each once, in the order given', async () => {
    const { listings } = await load();
    expect(await listings.topicLinks(['queues', 'caching', 'queues'])).toEqual([
      { id: 'queues', title: 'Queues', url: '/topics/queues/' },
      { id: 'caching', title: 'Caching', url: '/topics/caching/' },
    ]);
  });
});

describe('route data', () => {
  it('post page: crumbs through its category, article SEO, date, reading time, tags, quiz and related cards', async () => {
    const { collections, routeData } = await load();
    const page = await routeData.postPage(await collections.postById('older'));
    expect(page.frame).toMatchObject({ title: 'Older post', eyebrow: 'Backend', kind: 'Post', topics: ['caching', 'caching', 'queues'] });
    expect(page.frame.seo).toMatchObject({ path: '/blog/older/', type: 'article', published: new Date('2026-11-03T00:00:00Z') });
    expect(page.frame.seo.crumbs).toEqual([
      { label: 'Blog', href: '/blog/' },
      { label: 'Backend', href: '/blog/category/backend/' },
      { label: 'Older post', href: '/blog/older/' },
    ]);
    expect(page.date).toEqual({ iso: '2026-11-03', label: '3 November 2026' });
    expect(page.readingTime).toBe('2 min read');
    expect(page.tags.map((t) => t.id)).toEqual(['caching', 'queues']);
    expect(page.quiz.id).toBe('q-older');
    expect(page.quiz.questions).toHaveLength(3);
    expect(page.related).toEqual([
      { url: '/blog/newer/', title: 'Newer post', description: 'The newer of two posts.', category: 'Database', date: { iso: '2026-11-05', label: '5 November 2026' }, readingTime: '1 min read' },
    ]);
  });

  it('lesson page: numbered eyebrow and crumbs, description from the MDX, prev/next over written lessons', async () => {
    const { collections, routeData } = await load();
    const track = await collections.learningPathById('track');
    const [a, b, c] = track.outline.lessons;
    const first = await routeData.lessonPage(track, a!);
    expect(first.frame).toMatchObject({ title: 'Lesson A', eyebrow: 'Deep dive · Module 2.0', kind: 'Module', topics: ['caching', 'kafka'] });
    expect(first.frame.seo.description).toBe('Lesson A, described for search engines.');
    expect(first.frame.seo.crumbs).toEqual([
      { label: 'Learn', href: '/learn/' },
      { label: 'The Track', href: '/learn/track/' },
      { label: '2.0 Lesson A', href: '/learn/track/a/' },
    ]);
    expect(first).toMatchObject({ level: 'intermediate', readingTime: '3 min read', progressKey: 'track/a', prev: undefined });
    expect(first.next).toEqual({ title: 'Lesson B', url: '/learn/track/b/', number: '2.1' });
    const second = await routeData.lessonPage(track, b!);
    expect(second.frame.seo.description).toBe(b!.summary);
    expect(second).toMatchObject({ level: 'advanced', next: undefined, prev: { number: '2.0' } });
    await expect(routeData.lessonPage(track, c!)).rejects.toThrow(/no MDX file/);
    expect((await routeData.writtenLessons()).map((w) => w.lesson.key)).toEqual(['track/a', 'track/b']);
  });

  it('path page: stats, Course JSON-LD, and an outline where only written lessons link', async () => {
    const { collections, routeData } = await load();
    const page = await routeData.pathPage(await collections.learningPathById('track'));
    expect(page.frame.seo.title).toBe('Deep dive · The Track');
    expect(page.frame.seo.jsonLd).toEqual([expect.objectContaining({ '@type': 'Course', name: 'The Track' })]);
    expect(page.stats).toEqual([
      { label: 'Modules', value: '3' },
      { label: 'Reading', value: '29 min' },
      { label: 'Difficulty', value: 'Intermediate' },
      { label: 'Written so far', value: '2 of 3' },
    ]);
    expect(page.progressKeys).toEqual(['track/a', 'track/b']);
    const lessons = page.units.flatMap((u) => u.lessons);
    expect(lessons.map((l) => [l.url, l.readingTime])).toEqual([
      ['/learn/track/a/', '3 min read'],
      ['/learn/track/b/', '1 min read'],
      [undefined, undefined],
    ]);
    expect(lessons[2]!.tags).toEqual([{ id: 'queues', title: 'Queues', url: '/topics/queues/' }]);
    expect(page.showUnits).toBe(true);
  });

  it('path cards say "1 hour", not "1 hours"', async () => {
    const { collections, cards } = await load();
    const [guide, track] = (await collections.getLearningPaths()).map(cards.pathCard);
    expect(guide).toMatchObject({ eyebrow: 'Guide', count: '1 lesson', length: '1 hour', url: '/learn/guide/' });
    expect(track).toMatchObject({ eyebrow: 'Track · Deep dive', count: '3 modules', length: '29 min', level: 'intermediate' });
  });

  it('quiz page and index link back to where each quiz is used', async () => {
    const { collections, routeData } = await load();
    const page = await routeData.quizPage((await collections.getQuizzes()).find((q) => q.id === 'q-a')!);
    expect(page.home).toEqual({ title: 'Lesson A', url: '/learn/track/a/' });
    expect(page.frame.lede).toBe('3 questions on “Lesson A”.');
    const orphan = await routeData.quizPage((await collections.getQuizzes()).find((q) => q.id === 'q-orphan')!);
    expect(orphan.home).toBeUndefined();
    expect(orphan.frame.seo.description).toBe('3 scenario questions with explanations.');
    const index = await routeData.quizCards();
    expect(index[0]).toEqual({ url: '/quizzes/q-orphan/', title: 'Orphan quiz', summary: '3 questions' });
    expect(index.find((q) => q.url === '/quizzes/q-a/')!.summary).toBe('3 questions · from “Lesson A”');
  });

  it('topic pages and the topic index', async () => {
    const { collections, routeData } = await load();
    const unused = await routeData.topicPage(await collections.topicById('unused'));
    expect(unused.empty).toBe(true);
    expect(unused.frame.seo.crumbs!.at(-1)).toEqual({ label: 'Unused', href: '/topics/unused/' });
    const index = await routeData.topicCards();
    expect(index.map((t) => [t.title, t.count])).toEqual([
      ['Caching', '5 pages'],
      ['Kafka', '2 pages'],
      ['Queues', '3 pages'],
      ['Unused', 'Pages coming soon'],
    ]);
  });

  it('category page lists only its posts', async () => {
    const { routeData } = await load();
    const page = await routeData.categoryPage('database');
    expect(page.posts.map((p) => p.url)).toEqual(['/blog/newer/']);
    expect(page.count).toBe('1 article');
    expect(page.frame.seo.description).toContain(': 1 deep dives');
  });

  it('roadmap phases link their paths and posts and collect progress keys', async () => {
    const { collections, routeData } = await load();
    const { frame, phases } = await routeData.roadmapPage((await collections.getRoadmaps())[0]!);
    expect(frame.seo.crumbs).toEqual([
      { label: 'Roadmaps', href: '/roadmaps/' },
      { label: 'Map', href: '/roadmaps/map/' },
    ]);
    expect(phases[0]!.posts).toEqual([{ title: 'Older post', url: '/blog/older/' }]);
    expect(phases[0]!.progressKeys).toEqual([]);
    expect(phases[1]!.paths[0]!.lessons.map((l) => l.url)).toEqual(['/learn/track/a/', '/learn/track/b/', undefined]);
    expect(phases[1]!.progressKeys).toEqual(['track/a', 'track/b']);
  });

  it('pattern page: related pattern cards and reading time', async () => {
    const { collections, routeData } = await load();
    const page = await routeData.patternPage(await collections.patternById('second'));
    expect(page.frame.seo.title).toBe('Second pattern');
    expect(page.related).toEqual([{ url: '/patterns/first/', title: 'First', summary: 'Ordered first.' }]);
    expect(page.readingTime).toBe('1 min read');
    const index = await routeData.patternIndex();
    expect(index.count).toBe('2 patterns');
    expect(index.filter.map((t) => t.id)).toEqual(['caching', 'queues']);
  });
});
