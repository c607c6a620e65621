import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Dockerfile cannot be built here (no Docker engine, and no registry for node:24-bookworm-slim): these checks
// read it and the code it packages, so that what the runtime stage holds is enough to run `node src/main.ts`.

const ROOT = resolve(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The instructions of one stage (continuation lines joined). */
function stage(name: string): string[] {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => new RegExp(`^FROM \\S+ AS ${name}$`, 'i').test(l));
  expect(start, `stage ${name}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^FROM /i.test(l));
  return lines.slice(start, end === -1 ? undefined : end).filter((l) => l && !l.startsWith('#'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/\.(test|suite)\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('Dockerfile', () => {
  it('builds on node:24 slim in two stages: npm ci, the web build, the database template, then only production dependencies', () => {
    const build = stage('build');
    expect(build[0]).toMatch(/^FROM node:24-bookworm-slim AS build$/);
    const runs = build.filter((l) => l.startsWith('RUN '));
    const at = (text: string) => runs.findIndex((l) => l.includes(text));
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm run web:build')).toBeGreaterThan(at('npm ci'));
    // The template needs src/ (its migrations), copied after npm ci; the build fails without it rather than ship
    // an image whose every new volume runs initdb.
    const template = at('node scripts/postinstall.ts');
    expect(template).toBeGreaterThan(at('npm ci'));
    expect(runs[template]).toContain('test -f node_modules/.cache/carenest/pglite-*/PG_VERSION');
    expect(build.findIndex((l) => l.startsWith('COPY src'))).toBeLessThan(build.indexOf(runs[template]!));
    expect(at('npm prune --omit=dev')).toBeGreaterThan(template);
    expect(pkg.scripts['web:build']).toBeDefined();
  });

  it('runs as a non-root user with production settings, a health check on /health/ready and SIGTERM', () => {
    const runtime = stage('runtime');
    expect(runtime[0]).toMatch(/^FROM node:24-bookworm-slim AS runtime$/);
    const text = runtime.join('\n');
    expect(text).toMatch(/^USER 1000:1000$/m);
    expect(text).toContain('NODE_ENV=production');
    expect(text).toMatch(/^EXPOSE 3000$/m);
    expect(text).toMatch(/^HEALTHCHECK .*CMD \["node", "-e", ".*\/health\/ready/m);
    expect(text).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(text).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(text).toContain('DATA_DIR=/data');
    // tini as PID 1 passes SIGTERM on; node then runs main.ts with the base image's Node 24 (native type stripping).
    expect(text).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--", "node", "src\/main.ts"\]$/m);
    // Only production dependencies, the server source and the built web app reach the final image.
    const copies = runtime.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/).at(-1));
    expect(copies.sort()).toEqual(['./node_modules', './package.json', './src', './web/dist']);
  });

  it('main.ts shuts down on SIGTERM (drain HTTP, close pools, exit)', () => {
    // main.ts hands its close steps to closeOnSignals (platform/shutdown.ts), which the split service and gateway share.
    const main = readFileSync(join(ROOT, 'src', 'main.ts'), 'utf8');
    const shutdown = readFileSync(join(ROOT, 'src', 'platform', 'shutdown.ts'), 'utf8');
    expect(shutdown).toMatch(/process\.on\('SIGTERM'/);
    expect(main).toMatch(/closeOnSignals\(/);
    expect(main).toContain('await app.close()');
  });

  it('keeps in the build context what the build copies, and local state out of it', () => {
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'web']) expect(dockerignore).not.toContain(needed);
    for (const excluded of ['node_modules', 'data', '.git', '.env', 'web/dist', 'test-results', '.kafka']) expect(dockerignore).toContain(excluded);
  });

  it('the server imports only production dependencies (vite is loaded only when web/dist is missing)', () => {
    const builtins = new Set(builtinModules);
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/^import (?!type\b)[^;]*?from '([^.'][^']*)'/gm)) {
        const specifier = match[1]!;
        if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!(name in pkg.dependencies)) missing.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
