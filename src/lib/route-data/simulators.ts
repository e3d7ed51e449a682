/** Route data of the simulator pages: the live simulators and what each page's frame shows. */
import { getSimulators, type SimulatorEntry } from '../collections.ts';
import { topicLinks, type TopicLink } from '../listings.ts';
import { simulatorUrl, URLS } from '../urls.ts';
import type { ArticleFrame } from './frame.ts';
import { SEARCH_KIND } from '../search-kind.ts';

export interface SimulatorPage {
  id: string;
  frame: ArticleFrame;
  tags: TopicLink[];
}

/** Only a live simulator has a page. */
export async function liveSimulators(): Promise<SimulatorEntry[]> {
  return (await getSimulators()).filter((s) => s.data.status === 'live');
}

export async function simulatorPage(sim: SimulatorEntry): Promise<SimulatorPage> {
  const d = sim.data;
  const url = simulatorUrl(sim.id);
  const topics = d.tags.map((t) => t.id);
  return {
    id: sim.id,
    frame: {
      title: d.title,
      eyebrow: 'Simulator',
      lede: d.summary,
      kind: SEARCH_KIND.simulator,
      topics,
      seo: {
        title: `${d.title} simulator`,
        description: d.summary,
        path: url,
        crumbs: [
          { label: 'Simulators', href: URLS.simulators },
          { label: d.title, href: url },
        ],
      },
    },
    tags: await topicLinks(topics),
  };
}
