/** The one place to rebrand: name, URL, navigation and footer. */
import { pathUrl, simulatorCardUrl, toolCardUrl, URLS } from './lib/urls.ts';

export const SITE = {
  name: 'Backend Atlas',
  tagline: 'Backend engineering and system design, explained in depth.',
  description:
    'Learn backend engineering and system design with clear roadmaps, deep lessons, interactive simulators and browser-only tools.',
  /** canonical origin; override at build time with SITE_URL */
  url: process.env.SITE_URL ?? 'https://backend-atlas.example',
  /** language of every page: <html lang> and the RSS feed */
  lang: 'en',
  /** the same language as OpenGraph writes it */
  ogLocale: 'en_US',
  /** where readers write to; .example is reserved (RFC 2606) until the owner sets a real address */
  email: process.env.SITE_EMAIL ?? 'hello@backend-atlas.example',
  year: 2026,
} as const;

export interface NavLink {
  label: string;
  href: string;
}

export const HEADER_NAV: NavLink[] = [
  { label: 'Home', href: URLS.home },
  { label: 'Learn', href: URLS.learn },
  { label: 'Simulators', href: URLS.simulators },
  { label: 'Whiteboard', href: URLS.whiteboard },
  { label: 'Cohorts', href: URLS.cohorts },
  { label: 'Ebooks', href: URLS.ebooks },
];

/** The footer's four columns. Simulator and tool links point at their cards on the index until each one ships. */
export const FOOTER_COLUMNS: { title: string; links: NavLink[] }[] = [
  {
    title: 'Learn',
    links: [
      { label: 'Roadmaps', href: URLS.roadmaps },
      { label: 'Guides', href: pathUrl('system-design-phase-2') },
      { label: 'Blogs', href: URLS.blog },
      { label: 'Videos', href: URLS.videos },
      { label: 'Ebooks', href: URLS.ebooks },
    ],
  },
  {
    title: 'Labs',
    links: [
      { label: 'Simulators', href: URLS.simulators },
      { label: 'Quizzes', href: URLS.quizzes },
      { label: 'Whiteboard', href: URLS.whiteboard },
      { label: 'JWT Decoder', href: toolCardUrl('jwt-decoder') },
      { label: 'UUID Generator', href: toolCardUrl('uuid-generator') },
      { label: 'Toolbox', href: URLS.tools },
    ],
  },
  {
    title: 'Simulators',
    links: [
      { label: 'Uptime SLA', href: simulatorCardUrl('uptime-sla') },
      { label: 'Rate Limiters', href: simulatorCardUrl('rate-limiters') },
      { label: 'Kafka Message Flow', href: simulatorCardUrl('kafka-message-flow') },
      { label: 'Kafka Consumer Lag', href: simulatorCardUrl('kafka-consumer-lag') },
      { label: 'Kafka Rebalance', href: simulatorCardUrl('kafka-rebalance') },
    ],
  },
  {
    title: 'Community',
    links: [
      { label: 'Cohorts', href: URLS.cohorts },
      { label: 'Testimonials', href: URLS.testimonials },
      { label: 'About', href: URLS.about },
      { label: 'Contact', href: URLS.contact },
    ],
  },
];
