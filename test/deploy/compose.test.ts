import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inCi } from '../support/services.ts';
import { loadSettings } from '../../src/platform/settings.ts';
import { MODULE_NAMES } from '../../src/gateway/route-table.ts';
import { startupSettings } from '../../src/modules/index.ts';

// deploy/compose.yaml, checked two ways: by `docker-compose config` (Debian's docker-compose; .ci/run installs it;
// there is no Docker engine here, `config` needs none) and by reading the file for the rules a `config` run does
// not enforce (health-based depends_on, every variable in .env.example, the split profile's routes and MODULE_URLS naming every module).

const ROOT = resolve(import.meta.dirname, '..', '..');
const COMPOSE = join(ROOT, 'deploy', 'compose.yaml');
const ENV_EXAMPLE = join(ROOT, '.env.example');

interface Service {
  image?: string;
  profiles?: string[];
  command?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  env_file?: string;
  volumes?: string[];
}
const compose = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** `docker-compose` (v1, Debian) or `docker compose` (v2 plugin), whichever answers. */
function findCompose(): string[] | undefined {
  for (const command of [['docker-compose'], ['docker', 'compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return undefined;
}

const composeCommand = findCompose();
if (!composeCommand) {
  if (inCi) throw new Error('docker-compose is not installed (apt-get install docker-compose): the compose check may not skip when CI=true');
  console.warn('[tests] docker-compose not found (apt-get install docker-compose): the `docker-compose config` checks are skipped');
}

function runCompose(...args: string[]): string {
  const [command, ...prefix] = composeCommand!;
  // .env.example stands in for the operator's .env, both for interpolation and as the app services' env_file.
  return execFileSync(command!, [...prefix, '--env-file', ENV_EXAMPLE, '-f', COMPOSE, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CARENEST_ENV_FILE: ENV_EXAMPLE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.skipIf(!composeCommand)('deploy/compose.yaml through docker-compose config', () => {
  it('is valid, with every service and one profile, split', () => {
    expect(() => runCompose('config', '-q')).not.toThrow();
    expect(() => runCompose('--profile', 'split', 'config', '-q')).not.toThrow();
    // With the profile every service is there; without it Compose v2 leaves the split ones out (1.29 lists them all).
    const all = ['app', 'gateway', 'grafana', 'kafka', 'postgres', 'prometheus', 'redis', 'svc-booking', 'svc-catalog', 'svc-people'];
    expect(runCompose('--profile', 'split', 'config', '--services').trim().split('\n').sort()).toEqual(all);
    expect(runCompose('config', '--services').trim().split('\n')).toEqual(expect.arrayContaining(['app', 'grafana', 'kafka', 'postgres', 'prometheus', 'redis']));
    expect(runCompose('config', '--profiles').trim().split('\n')).toEqual(['split']);
  });
});

describe('deploy/compose.yaml rules', () => {
  it('has PostgreSQL 15, Redis 7, the official Kafka image, Prometheus and Grafana with health checks', () => {
    expect(services.postgres?.image).toBe('postgres:15');
    expect(services.redis?.image).toBe('redis:7');
    expect(services.kafka?.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(services.prometheus?.image).toMatch(/^prom\/prometheus:v\d/);
    expect(services.grafana?.image).toMatch(/^grafana\/grafana:\d/);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test, `${name} has a healthcheck`).toBeDefined();
      expect(service.image ?? '', `${name} pins a version`).not.toMatch(/:latest$|^[^:]+$/);
    }
  });

  it('runs the one-process app by default, after its infrastructure is healthy', () => {
    const app = services.app!;
    expect(app.profiles).toBeUndefined();
    expect(app.env_file).toBe('${CARENEST_ENV_FILE:-../.env}');
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
    expect(app.healthcheck?.test.join(' ')).toContain('/health/ready');
  });

  it('keeps the split roles in a profile: a gateway routing every module, services knowing where the others are', () => {
    const split = Object.entries(services).filter(([, s]) => s.profiles?.includes('split'));
    expect(split.map(([name]) => name).sort()).toEqual(['gateway', 'svc-booking', 'svc-catalog', 'svc-people']);
    for (const [name, service] of split) {
      expect(service.command?.[0], name).toBe(name === 'gateway' ? 'gateway' : 'serve');
      for (const dependency of Object.values(service.depends_on ?? {})) expect(dependency.condition).toBe('service_healthy');
    }
    const routes = services.gateway!.command![2]!;
    expect(routes.split(',').map((r) => r.split('=')[0]).sort()).toEqual([...MODULE_NAMES].sort());
    for (const [name, service] of split.filter(([n]) => n !== 'gateway')) {
      expect((service as { environment?: Record<string, string> }).environment?.MODULE_URLS, name).toBe(routes);
      // Every module the service runs is routed to it.
      for (const module of service.command![2]!.split(',')) expect(routes, name).toContain(`${module}=http://${name}:3000`);
    }
  });

  it('mounts configuration that is in the repository (deploy/prometheus, deploy/grafana)', () => {
    const mounts = Object.values(services).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]!));
    expect(mounts.length).toBeGreaterThanOrEqual(3);
    for (const mount of mounts) expect(existsSync(join(ROOT, 'deploy', mount)), mount).toBe(true);
    expect(existsSync(join(ROOT, 'deploy', 'prometheus', 'prometheus.yml'))).toBe(true);
  });

  it('gives every variable it uses a placeholder in .env.example', () => {
    const used = new Set([...readFileSync(COMPOSE, 'utf8').matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!));
    const example = new Set([...readFileSync(ENV_EXAMPLE, 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect([...used].filter((name) => !example.has(name))).toEqual([]);
  });

  it('the app starts with .env.example as it is (the values compose sets win over the file)', () => {
    const file = Object.fromEntries([...readFileSync(ENV_EXAMPLE, 'utf8').matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    const app = parse(readFileSync(COMPOSE, 'utf8'), { merge: true }).services.app as { environment: Record<string, string> };
    const environment = Object.fromEntries(Object.entries(app.environment).map(([k, v]) => [k, v.replace('${POSTGRES_PASSWORD}', file.POSTGRES_PASSWORD!)]));
    const loaded = loadSettings({ ...file, ...environment }, startupSettings);
    expect(loaded.config).toMatchObject({ port: 3000, dataDir: '/data', redisUrl: 'redis://redis:6379', kafkaBrokers: ['kafka:9092'] });
    expect(loaded.config.databaseUrl).toMatch(/^postgres:\/\/carenest:.+@postgres:5432\/carenest$/);
  });
});
