// What the HTTP benchmarks share: autocannon runs per query, a scratch PostgreSQL database, the report.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer, stopServer } from './http-client.ts';

export interface LoadResult {
  target: string;
  query: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Each query: a 2 s warm-up, then `seconds` at `connections`. */
export async function load(
  target: string,
  port: number,
  queries: Record<string, string>,
  options: { connections: number; seconds: number },
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const [query, path] of Object.entries(queries)) {
    const url = `http://127.0.0.1:${port}${encodeURI(path)}`;
    await autocannon({ url, connections: 2, duration: 2 });
    const r = await autocannon({ url, connections: options.connections, duration: options.seconds });
    const result = { target, query, requestsPerSecond: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
    results.push(result);
    process.stderr.write(`  ${target.padEnd(14)} ${query.padEnd(34)} ${result.requestsPerSecond} req/s p50 ${result.p50} ms p99 ${result.p99} ms\n`);
  }
  return results;
}

/** Starts `command` as a server process, runs `load` against it, and stops it whatever happens. */
export async function loadServer(
  target: string,
  command: readonly string[],
  env: Record<string, string>,
  queries: Record<string, string>,
  options: { connections: number; seconds: number },
): Promise<LoadResult[]> {
  const server = await startServer([...command], env);
  try {
    return await load(target, server.port, queries, options);
  } finally {
    await stopServer(server.child);
  }
}

/** Prints the markdown table and keeps the raw results in bench/results/ (not committed). */
export async function report(name: string, meta: Record<string, number>, results: readonly LoadResult[]): Promise<void> {
  const lines = [
    `${Object.entries(meta).map(([k, v]) => `${k} ${v}`).join(', ')}, node ${process.version}`,
    '',
    '| target | query | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.target} | ${r.query} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
  // A fresh clone has no bench/results/ (it is not committed): create it rather than crash after the run.
  await mkdir(join('bench', 'results'), { recursive: true });
  await writeFile(join('bench', 'results', `${name}-${stamp}.json`), JSON.stringify({ ...meta, results }, null, 2));
}
