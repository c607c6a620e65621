import type { RouteTable } from './route-table.ts';
import type { Upstream } from './upstream.ts';

// One OpenAPI document for the whole API: each upstream's /docs/json, keeping from each only the /api/v1 paths
// the route table gives its module (a service may run more modules than it is routed for), the union of
// their components and tags. An upstream that did not answer is fetched again on the next request for the
// document, and dropped from the cache when it comes back after being down (health.ts), so a restarted
// service's document replaces the old one.

type Document = Record<string, unknown> & { paths?: Record<string, unknown>; components?: Record<string, Record<string, unknown>>; tags?: { name: string }[] };

const FETCH_TIMEOUT_MS = 2_000;

export interface MergedDocs {
  /** Fetches what is missing and merges; never throws. */
  refresh(): Promise<void>;
  /** The last merged document. */
  current(): Document;
  forget(module: string): void;
}

/** `/api/v1/caregivers/{id}/reviews` -> `/caregivers/x/reviews` for the route table. */
function concretePath(openApiPath: string): string {
  return openApiPath.slice('/api/v1'.length).replace(/\{[^}]+\}/g, 'x0');
}

export function mergedDocs(upstreams: readonly Upstream[], table: RouteTable): MergedDocs {
  const fetched = new Map<string, Document>();
  let merged: Document = { openapi: '3.1.0', info: { title: 'CareNest API', version: '1.0.0' }, paths: {} };

  const merge = (): void => {
    const documents = upstreams.flatMap((u) => (fetched.has(u.module) ? [{ module: u.module, doc: fetched.get(u.module)! }] : []));
    const first = documents[0]?.doc;
    const paths: Record<string, unknown> = {};
    const components: Record<string, Record<string, unknown>> = {};
    const tags = new Map<string, { name: string }>();
    for (const { module, doc } of documents) {
      for (const [path, item] of Object.entries(doc.paths ?? {})) {
        const owned = path.startsWith('/api/v1/') ? table(concretePath(path))?.module === module : path === '/api/v1/ws' || !(path in paths);
        if (owned) paths[path] = item;
      }
      for (const [kind, entries] of Object.entries(doc.components ?? {})) components[kind] = { ...entries, ...components[kind] };
      for (const tag of doc.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
    }
    merged = {
      ...(first ?? merged),
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
      components,
      ...(tags.size > 0 ? { tags: [...tags.values()] } : {}),
    };
  };

  return {
    async refresh() {
      const missing = upstreams.filter((u) => !fetched.has(u.module));
      if (missing.length === 0) return;
      await Promise.all(
        missing.map(async (upstream) => {
          try {
            const response = await fetch(new URL('docs/json', upstream.url.href.endsWith('/') ? upstream.url : `${upstream.url.href}/`), {
              signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
            });
            if (response.ok) fetched.set(upstream.module, (await response.json()) as Document);
          } catch {
            // not reachable now: asked again next time
          }
        }),
      );
      merge();
    },
    current: () => merged,
    forget(module) {
      fetched.delete(module);
    },
  };
}
