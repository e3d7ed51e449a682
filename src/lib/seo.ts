/** Builds the per-page SEO data: canonical URL, OpenGraph, Twitter and JSON-LD. */
import { SITE } from '../site.ts';

export interface Crumb {
  label: string;
  href: string;
}

export interface SeoInput {
  title: string;
  description: string;
  path: string;
  type?: 'website' | 'article';
  published?: Date;
  updated?: Date;
  crumbs?: Crumb[];
  /** extra JSON-LD objects (Course, Quiz...) */
  jsonLd?: Record<string, unknown>[];
  noindex?: boolean;
}

export function absoluteUrl(path: string): string {
  return new URL(path, SITE.url).href;
}

export function pageTitle(title: string): string {
  return title === SITE.name ? `${SITE.name} — ${SITE.tagline}` : `${title} | ${SITE.name}`;
}

export function breadcrumbLd(crumbs: Crumb[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.label,
      item: absoluteUrl(c.href),
    })),
  };
}

export function articleLd(input: SeoInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: input.title,
    description: input.description,
    mainEntityOfPage: absoluteUrl(input.path),
    ...(input.published ? { datePublished: input.published.toISOString() } : {}),
    ...(input.updated || input.published ? { dateModified: (input.updated ?? input.published)!.toISOString() } : {}),
    author: { '@type': 'Organization', name: SITE.name, url: SITE.url },
    publisher: { '@type': 'Organization', name: SITE.name, url: SITE.url },
  };
}

export function courseLd(name: string, description: string, path: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name,
    description,
    url: absoluteUrl(path),
    provider: { '@type': 'Organization', name: SITE.name, sameAs: SITE.url },
    isAccessibleForFree: true,
  };
}

/** JSON for a <script type="application/ld+json">: '<' escaped so content can never close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Everything the document head prints for a page, derived from its SEO input. */
export interface HeadData {
  title: string;
  ogTitle: string;
  description: string;
  canonical: string;
  type: 'website' | 'article';
  published?: string | undefined;
  noindex: boolean;
  /** JSON-LD scripts' contents, already escaped */
  jsonLd: string[];
}

export function headOf(seo: SeoInput): HeadData {
  const ld = [
    ...(seo.type === 'article' ? [articleLd(seo)] : []),
    ...(seo.crumbs && seo.crumbs.length > 1 ? [breadcrumbLd(seo.crumbs)] : []),
    ...(seo.jsonLd ?? []),
  ];
  return {
    title: pageTitle(seo.title),
    ogTitle: seo.title,
    description: seo.description,
    canonical: absoluteUrl(seo.path),
    type: seo.type ?? 'website',
    published: seo.published?.toISOString(),
    noindex: seo.noindex ?? false,
    jsonLd: ld.map(jsonLdScript),
  };
}

/** SEO of a section or information page: its one breadcrumb is itself. */
export function sectionSeo(title: string, description: string, path: string, crumb = title): SeoInput {
  return { title, description, path, crumbs: [{ label: crumb, href: path }] };
}
