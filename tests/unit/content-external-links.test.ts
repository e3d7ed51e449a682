/**
 * CONTENT.md: external links only to stable canonical places. Every external URL in
 * content must be on a host reviewed and listed here; a new host needs a human look
 * first (a made-up URL is a defect), then a line below.
 */
import { describe, expect, it } from 'vitest';
import { mdxFiles } from './helpers/content-files.ts';

const REVIEWED_HOSTS = new Set([
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'www.w3.org',
  'developer.mozilla.org',
  'kafka.apache.org',
  'www.rabbitmq.com',
  'redis.io',
  'www.postgresql.org',
  'dev.mysql.com',
  'nginx.org',
  'www.haproxy.org',
  'docs.haproxy.org',
  'www.envoyproxy.io',
  'opentelemetry.io',
  'www.jaegertracing.io',
  'developer.hashicorp.com',
  'etcd.io',
  'kubernetes.io',
  'docs.konghq.com',
  'developer.konghq.com',
  'docs.aws.amazon.com',
  'doc.traefik.io',
  'martinfowler.com',
  'resilience4j.readme.io',
  'github.com',
  'pyjwt.readthedocs.io',
  'pkg.go.dev',
  'go.dev',
  'docs.python.org',
  'nodejs.org',
  'grpc.io',
  'microservices.io',
  'www.sqlite.org',
  'vitess.io',
  'docs.citusdata.com',
  'docs.temporal.io',
  '12factor.net',
  'aws.amazon.com',
  'protobuf.dev',
  'www.ics.uci.edu',
  'docs.bullmq.io',
  'cassandra.apache.org',
  'docs.docker.com',
  'istio.io',
  'linkerd.io',
  'developers.cloudflare.com',
]);

const EXTERNAL = /\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>\s]+)>|href="(https?:\/\/[^"]+)"/g;

describe('external links in content', () => {
  const files = [...mdxFiles('blog'), ...mdxFiles('patterns'), ...mdxFiles('lessons')];
  it('point only to reviewed hosts, over https', () => {
    const bad: string[] = [];
    for (const f of files) {
      const prose = f.body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
      for (const m of prose.matchAll(EXTERNAL)) {
        const url = new URL((m[1] ?? m[2] ?? m[3])!);
        if (url.protocol !== 'https:' || !REVIEWED_HOSTS.has(url.host)) bad.push(`${f.id}: ${url.href}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
