// Which module owns each route under /api/v1 (docs/decisions/0028-gateway.md). Ownership is declared here,
// statically, as find-my-way style patterns relative to /api/v1: `/caregivers` (static), `/caregivers/:id`
// (one segment), `/caregivers/*` (the rest of the path, empty included). The most specific pattern wins,
// segment by segment from the left (static before parameter before wildcard), as in Fastify's router:
// `/caregivers/:id/reviews` is reviews' although `/caregivers/*` is caregivers'. test/gateway/route-table.test.ts
// checks every route the app registers resolves to the module that registered it.

export const MODULE_NAMES = [
  'identity',
  'caregivers',
  'reservations',
  'payments',
  'notifications',
  'reviews',
  'settlements',
  'admin',
  'ai',
  'chat',
] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

export const ROUTE_OWNERS: Readonly<Record<ModuleName, readonly string[]>> = {
  identity: ['/auth/*', '/users', '/users/*', '/admin/users', '/admin/users/:id/suspend', '/admin/users/:id/unsuspend'],
  caregivers: ['/caregivers', '/caregivers/*', '/admin/caregivers', '/admin/caregivers/*'],
  reservations: ['/quotes', '/quotes/*', '/reservations', '/reservations/*', '/admin/reservations', '/admin/reservations/*'],
  payments: ['/payments', '/payments/*', '/admin/payments', '/admin/payments/*'],
  notifications: ['/notifications', '/notifications/*'],
  reviews: ['/reviews', '/reviews/*', '/caregivers/:id/reviews'],
  settlements: ['/settlements', '/settlements/*', '/admin/settlements', '/admin/settlements/*'],
  // The admin console's own pages (audit log, stats, a user's file) and any admin page not claimed above.
  admin: ['/admin/*', '/admin/users/:id'],
  ai: ['/ai/*'],
  chat: ['/chat/*', '/admin/chat/*'],
};

/** The WebSocket (`/api/v1/ws`) goes to the process running chat (its socket frames), else notifications'. */
export function socketOwner(routed: ReadonlySet<string>): ModuleName | undefined {
  if (routed.has('chat')) return 'chat';
  if (routed.has('notifications')) return 'notifications';
  return undefined;
}

type Segment = { readonly kind: 0; readonly text: string } | { readonly kind: 1 } | { readonly kind: 2 };

interface Pattern {
  readonly module: ModuleName;
  readonly pattern: string;
  readonly segments: readonly Segment[];
}

function parse(pattern: string): Segment[] {
  return pattern
    .split('/')
    .slice(1)
    .map((part): Segment => (part === '*' ? { kind: 2 } : part.startsWith(':') ? { kind: 1 } : { kind: 0, text: part }));
}

/** How `path`'s segments match `pattern`: the kind per segment (lower is more specific), or undefined. */
function matchKinds(segments: readonly Segment[], parts: readonly string[]): number[] | undefined {
  const kinds: number[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (segment.kind === 2) return [...kinds, 2];
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 0 && segment.text !== part) return undefined;
    if (segment.kind === 1 && part === '') return undefined;
    kinds.push(segment.kind);
  }
  return parts.length === segments.length ? kinds : undefined;
}

function moreSpecific(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x < y;
  }
  return false;
}

export interface RouteMatch {
  readonly module: ModuleName;
  /** The owning pattern (a bounded metrics label, never the raw URL). */
  readonly pattern: string;
}

export type RouteTable = (path: string) => RouteMatch | undefined;

/** The owner of a path relative to /api/v1 (no query string), by the most specific pattern. */
export function routeTable(owners: Readonly<Record<ModuleName, readonly string[]>> = ROUTE_OWNERS): RouteTable {
  const patterns: Pattern[] = Object.entries(owners).flatMap(([module, list]) =>
    list.map((pattern) => ({ module: module as ModuleName, pattern, segments: parse(pattern) })),
  );
  return (path) => {
    const parts = path.split('/').slice(1);
    let best: { pattern: Pattern; kinds: number[] } | undefined;
    for (const pattern of patterns) {
      const kinds = matchKinds(pattern.segments, parts);
      if (kinds && (!best || moreSpecific(kinds, best.kinds))) best = { pattern, kinds };
    }
    return best ? { module: best.pattern.module, pattern: best.pattern.pattern } : undefined;
  };
}
