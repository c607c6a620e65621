import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { WEB_ROOT } from '../src/web-assets.ts';

// Initial JavaScript of the family home page, gzipped (issue 5: at most 200 KB). Builds the web app for
// production into a scratch directory with a Vite manifest, then follows the entry's static imports
// (what the browser must load before the home page renders); lazily loaded chunks (caregiver and admin
// areas, the family's other pages) are listed apart. `npm run bench:web`; exits 1 over budget.

const BUDGET_BYTES = 200 * 1024;

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

const outDir = await mkdtemp(join(tmpdir(), 'carenest-web-bundle-'));
try {
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false } });
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const sizes = async (file: string) => {
    const bytes = await readFile(join(outDir, file));
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };

  const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];
  if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entryKey);

  const rows: { file: string; kind: 'initial' | 'lazy'; raw: number; gzip: number }[] = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.file.endsWith('.js')) continue;
    rows.push({ file: chunk.isEntry ? `entry: ${chunk.file}` : (chunk.src ?? chunk.file), kind: initial.has(key) ? 'initial' : 'lazy', ...(await sizes(chunk.file)) });
  }
  const css = [...new Set([...initial].flatMap((key) => manifest[key]?.css ?? []))];
  const cssSizes = await Promise.all(css.map(sizes));
  const sum = (list: { raw: number; gzip: number }[]) => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const initialJs = sum(rows.filter((r) => r.kind === 'initial'));
  const lazyJs = sum(rows.filter((r) => r.kind === 'lazy'));
  const kb = (n: number) => (n / 1024).toFixed(1);

  console.log(`\n| chunk | loaded | raw KB | gzip KB |\n|---|---|---:|---:|`);
  for (const r of rows.sort((a, b) => (a.kind === b.kind ? b.gzip - a.gzip : a.kind === 'initial' ? -1 : 1))) {
    console.log(`| ${r.file} | ${r.kind} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  }
  console.log(`\nInitial JS of the family home: ${kb(initialJs.gzip)} KB gzipped (${kb(initialJs.raw)} KB raw), budget ${kb(BUDGET_BYTES)} KB`);
  console.log(`Initial CSS: ${kb(sum(cssSizes).gzip)} KB gzipped; lazy JS (other pages): ${kb(lazyJs.gzip)} KB gzipped in ${rows.filter((r) => r.kind === 'lazy').length} chunks`);
  if (initialJs.gzip > BUDGET_BYTES) {
    console.error('OVER BUDGET');
    process.exitCode = 1;
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
