import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

// Build-time compression (issue 13 item 13): after `vite build`, every text asset gets a brotli (.br) and
// a gzip (.gz) copy next to it. The server (src/web-assets.ts, @fastify/static `preCompressed`) sends the
// best copy the browser accepts, with `Content-Encoding` and `Vary: Accept-Encoding`; nothing is
// compressed per request. Small files and copies that would not be smaller are skipped.

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest|xml|ico)$/;
/** Below this, the header of a compressed file eats the gain. */
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file of `dir` worth it; returns how many files. */
export async function precompressDirectory(dir: string): Promise<number> {
  let count = 0;
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    if (br.length < content.length) await writeFile(`${file}.br`, br);
    if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
    count += 1;
  }
  return count;
}

/** The Vite plugin: compresses the output directory once the bundle is written (production builds only). */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'carenest-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
