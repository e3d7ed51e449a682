/** The one place to rebrand: name, URL, navigation and footer. */
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
  { label: 'Home', href: '/' },
  { label: 'Learn', href: '/learn/' },
  { label: 'Simulators', href: '/simulators/' },
  { label: 'Whiteboard', href: '/whiteboard/' },
  { label: 'Cohorts', href: '/cohorts/' },
  { label: 'Ebooks', href: '/ebooks/' },
];

/** The four columns of seed 000. Simulator links point at the simulator index until each simulator ships. */
export const FOOTER_COLUMNS: { title: string; links: NavLink[] }[] = [
  {
    title: 'Learn',
    links: [
      { label: 'Roadmaps', href: '/roadmaps/' },
      { label: 'Guides', href: '/learn/system-design-phase-2/' },
      { label: 'Blogs', href: '/blog/' },
      { label: 'Videos', href: '/videos/' },
      { label: 'Ebooks', href: '/ebooks/' },
    ],
  },
  {
    title: 'Labs',
    links: [
      { label: 'Simulators', href: '/simulators/' },
      { label: 'Quizzes', href: '/quizzes/' },
      { label: 'Whiteboard', href: '/whiteboard/' },
      { label: 'JWT Decoder', href: '/tools/#jwt-decoder' },
      { label: 'UUID Generator', href: '/tools/#uuid-generator' },
      { label: 'Toolbox', href: '/tools/' },
    ],
  },
  {
    title: 'Simulators',
    links: [
      { label: 'Uptime SLA', href: '/simulators/#uptime-sla' },
      { label: 'Rate Limiters', href: '/simulators/#rate-limiters' },
      { label: 'Kafka Message Flow', href: '/simulators/#kafka-message-flow' },
      { label: 'Kafka Consumer Lag', href: '/simulators/#kafka-consumer-lag' },
      { label: 'Kafka Rebalance', href: '/simulators/#kafka-rebalance' },
    ],
  },
  {
    title: 'Community',
    links: [
      { label: 'Cohorts', href: '/cohorts/' },
      { label: 'Testimonials', href: '/testimonials/' },
      { label: 'About', href: '/about/' },
      { label: 'Contact', href: '/contact/' },
    ],
  },
];
