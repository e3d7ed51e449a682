/** Route data of topic pages and the topic index. */
import { plural } from '../format.ts';
import { getTopics, type TopicEntry } from '../collections.ts';
import { countOf, topicListing, topicListings, type TopicListing } from '../listings.ts';
import { topicUrl, URLS } from '../urls.ts';
import type { Frame } from './frame.ts';
import { SEARCH_KIND } from '../search-kind.ts';

export interface TopicPage {
  frame: Frame;
  listing: TopicListing;
  empty: boolean;
}

export async function topicPage(topic: TopicEntry): Promise<TopicPage> {
  const url = topicUrl(topic.id);
  const listing = await topicListing(topic.id);
  const empty = Object.values(listing).every((xs) => xs.length === 0);
  return {
    frame: {
      title: topic.data.title,
      eyebrow: 'Topic',
      lede: topic.data.description,
      // a topic with nothing published is no answer to a search
      ...(empty ? {} : { kind: SEARCH_KIND.topic, topics: [topic.id] }),
      seo: {
        title: `${topic.data.title}: lessons, patterns and articles`,
        description: topic.data.description,
        path: url,
        crumbs: [
          { label: 'Topics', href: URLS.topics },
          { label: topic.data.title, href: url },
        ],
      },
    },
    listing,
    empty,
  };
}

/** The topic index: every topic with the number of published pages it gathers. */
export async function topicCards() {
  const listings = await topicListings();
  return (await getTopics()).map((t) => {
    const n = countOf(listings.get(t.id));
    return { url: topicUrl(t.id), title: t.data.title, description: t.data.description, count: n === 0 ? 'Pages coming soon' : plural(n, 'page') };
  });
}
