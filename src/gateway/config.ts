import { platformSettings } from '../platform/config.ts';
import { INTERNAL_SECRET_MIN_LENGTH } from '../platform/internal-auth.ts';
import { composeSettings, defineSettings, loadSettings, type Env, type SettingsOf } from '../platform/settings.ts';
import { MODULE_NAMES, type ModuleName } from './route-table.ts';

// `node src/main.ts gateway --routes identity=http://127.0.0.1:4101,caregivers=http://...` (or GATEWAY_ROUTES).
// PORT, HOST, TRUST_PROXY, REDIS_URL, LOG_LEVEL, SERVE_WEB, METRICS_TOKEN are read as the app reads them.

export interface GatewaySettings {
  /** The service each module's routes go to; a module without one answers 503 for its routes. */
  readonly routes: ReadonlyMap<ModuleName, URL>;
  /** Signs the actor assertions the services trust (src/platform/internal-auth.ts). */
  readonly internalSecret: string;
  /** Requests per minute per client IP on /api/v1 (and WebSocket upgrades); 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** How long the gateway waits for an upstream's answer to start (headers) before 503. */
  readonly upstreamTimeoutMs: number;
}

/** Parses `identity=http://host:port,caregivers=...`: the table, or the problems found. */
export function parseRoutes(text: string): { routes: Map<ModuleName, URL>; problems: string[] } {
  const routes = new Map<ModuleName, URL>();
  const problems: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name = '', ...rest] = entry.split('=');
    const url = rest.join('=');
    if (!(MODULE_NAMES as readonly string[]).includes(name)) {
      problems.push(`GATEWAY_ROUTES: unknown module "${name}" (modules: ${MODULE_NAMES.join(', ')})`);
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      problems.push(`GATEWAY_ROUTES: ${name} needs an http(s) URL like ${name}=http://127.0.0.1:3001 (got "${url}")`);
      continue;
    }
    if (routes.has(name as ModuleName)) problems.push(`GATEWAY_ROUTES: ${name} is listed twice`);
    routes.set(name as ModuleName, parsed);
  }
  if (problems.length === 0 && routes.size === 0) problems.push('GATEWAY_ROUTES (or --routes) must name at least one module=url, e.g. identity=http://127.0.0.1:3001');
  if (problems.length === 0 && !routes.has('identity')) problems.push('GATEWAY_ROUTES must route identity: the gateway verifies tokens with it');
  return { routes, problems };
}

export const gatewaySettings = defineSettings((read): GatewaySettings => {
  const { routes, problems } = parseRoutes(read.string('GATEWAY_ROUTES') ?? '');
  for (const problem of problems) read.problem(problem);
  // Its length is checked with the platform's settings (src/platform/config.ts); here only that it is there.
  const internalSecret = read.string('INTERNAL_SECRET') ?? '';
  if (internalSecret === '') {
    read.problem(`INTERNAL_SECRET must be set (at least ${INTERNAL_SECRET_MIN_LENGTH} characters, the same on the gateway and every service)`);
  }
  return {
    routes,
    internalSecret,
    rateLimitPerMinute: read.integer('GATEWAY_RATE_LIMIT', 600, 0, 1_000_000),
    upstreamTimeoutMs: read.duration('GATEWAY_UPSTREAM_TIMEOUT', '30s'),
  };
});

export const gatewayStartupSettings = composeSettings({ config: platformSettings, gateway: gatewaySettings });
export type GatewayStartup = SettingsOf<typeof gatewayStartupSettings>;

/** `--routes a=b,...` / `--routes=a=b,...` on the command line win over GATEWAY_ROUTES. */
export function gatewayEnv(argv: readonly string[], env: Env): Env {
  const index = argv.findIndex((arg) => arg === '--routes' || arg.startsWith('--routes='));
  if (index === -1) return env;
  const arg = argv[index]!;
  const routes = arg === '--routes' ? (argv[index + 1] ?? '') : arg.slice('--routes='.length);
  return { ...env, GATEWAY_ROUTES: routes };
}

export function loadGatewaySettings(argv: readonly string[], env: Env): GatewayStartup {
  return loadSettings(gatewayEnv(argv, env), gatewayStartupSettings);
}
