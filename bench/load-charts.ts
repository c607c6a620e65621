// Charts and table of a load-test report (bench/results/load-*.json, the newest unless a path is given):
// hand-written SVG bar charts into docs/performance/ (TPS per run, latency per run, CPU per process per run)
// and the markdown table for docs/performance.md on stdout. Run: `npm run load:charts [-- <file>]`.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Run {
  run: string;
  label: string;
  loadAverageBefore: string;
  tps: number;
  requests: number;
  errors: number;
  latencyMs: { average: number; p50: number; p95: number; p99: number; max: number };
  steps: Record<string, { ok: number; overlap: number; other: number }>;
  cpu: Record<string, { seconds: number; percent: number }>;
}

const explicit = process.argv[2];
const file = explicit ?? join('bench', 'results', (await readdir(join('bench', 'results'))).filter((f) => /^load-.*\.json$/.test(f)).sort().at(-1) ?? '');
if (!file.endsWith('.json')) throw new Error('no bench/results/load-*.json: run `npm run load:all` first');
const report = JSON.parse(await readFile(file, 'utf8')) as { date: string; node: string; cores: number; settings: Record<string, number>; runs: Run[] };
const runs = report.runs;

const COLORS = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#64748b'];
const esc = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const nice = (max: number) => {
  const step = 10 ** Math.floor(Math.log10(Math.max(max, 1)));
  return Math.ceil(max / step) * step;
};

/** Grouped (or stacked) vertical bars: one group per run, one bar per series. */
function bars(title: string, unit: string, series: { name: string; values: number[] }[], stacked = false): string {
  const width = 720;
  const height = 360;
  const left = 60;
  const right = 160;
  const top = 40;
  const bottom = 60;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = runs.map((_, i) => (stacked ? series.reduce((s, x) => s + (x.values[i] ?? 0), 0) : Math.max(...series.map((x) => x.values[i] ?? 0))));
  const max = nice(Math.max(...totals) * 1.1);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const groupW = plotW / runs.length;
  const barW = stacked ? groupW * 0.5 : (groupW * 0.8) / series.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
  ];
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`, `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#374151">${Math.round(v)}</text>`);
  }
  out.push(`<text x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle" fill="#374151">${esc(unit)}</text>`);
  runs.forEach((run, i) => {
    const gx = left + i * groupW;
    let stack = 0;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const x = stacked ? gx + (groupW - barW) / 2 : gx + groupW * 0.1 + k * barW;
      const y0 = stacked ? y(stack + v) : y(v);
      const h = stacked ? y(stack) - y(stack + v) : top + plotH - y(v);
      out.push(`<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${COLORS[k % COLORS.length]}"><title>${esc(`${run.label}: ${s.name} ${v}`)}</title></rect>`);
      if (!stacked) out.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y0 - 3).toFixed(1)}" text-anchor="middle" font-size="10" fill="#111">${v}</text>`);
      stack += v;
    });
    if (stacked) out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${(y(stack) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${Math.round(stack)}</text>`);
    out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">(${run.run})</text>`, `<text x="${(gx + groupW / 2).toFixed(1)}" y="${top + plotH + 34}" text-anchor="middle" font-size="11" fill="#374151">${esc(run.label)}</text>`);
  });
  series.forEach((s, k) => {
    const ly = top + 10 + k * 20;
    out.push(`<rect x="${left + plotW + 16}" y="${ly - 10}" width="12" height="12" fill="${COLORS[k % COLORS.length]}"/>`, `<text x="${left + plotW + 34}" y="${ly}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const processes = [...new Set(runs.flatMap((r) => Object.keys(r.cpu)))];
const cpuOf = (r: Run, name: string) => r.cpu[name]?.percent ?? 0;
await mkdir(join('docs', 'performance'), { recursive: true });
await writeFile(join('docs', 'performance', 'load-tps.svg'), bars('Transactions per second (higher is better)', 'requests/s', [{ name: 'TPS', values: runs.map((r) => r.tps) }]));
await writeFile(join('docs', 'performance', 'load-latency.svg'), bars('Latency per run (lower is better)', 'ms', [
  { name: 'average', values: runs.map((r) => r.latencyMs.average) },
  { name: 'p95', values: runs.map((r) => r.latencyMs.p95) },
  { name: 'p99', values: runs.map((r) => r.latencyMs.p99) },
]));
await writeFile(join('docs', 'performance', 'load-cpu.svg'), bars('CPU per process (% of one core, stacked)', '% of one core', processes.map((p) => ({ name: p, values: runs.map((r) => cpuOf(r, p)) })), true));

const appCpu = (r: Run) => Object.entries(r.cpu).filter(([k]) => k.startsWith('app')).map(([, v]) => v.percent).join(' + ');
const lines = [
  `${report.date.slice(0, 10)}, ${report.cores} cores, Node ${report.node}; ${report.settings.seconds} s per run after ${report.settings.warmupSeconds} s warm-up, ` +
    `${report.settings.connections} connections at ${report.settings.ratePerConnection} req/s each (offered ${report.settings.offeredPerSecond} req/s), ${report.settings.caregivers} caregivers. CPU in % of one core.`,
  '',
  '| run | TPS | avg ms | p95 ms | p99 ms | max ms | errors | bookings (409 overlap) | CPU app | CPU PostgreSQL | CPU Redis | CPU Kafka | CPU load gen | load avg (1/5/15 min) before |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...runs.map((r) => `| (${r.run}) ${r.label} | ${r.tps} | ${r.latencyMs.average} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.errors} | ` +
    `${r.steps.book?.ok ?? 0} (${r.steps.book?.overlap ?? 0}) | ${appCpu(r)} | ${r.cpu.postgres?.percent ?? '-'} | ${r.cpu.redis?.percent ?? '-'} | ${r.cpu.kafka?.percent ?? '-'} | ${r.cpu['load generator']?.percent ?? '-'} | ${r.loadAverageBefore} |`),
];
process.stdout.write(`${lines.join('\n')}\n\nSource: ${file}; charts written to docs/performance/load-{tps,latency,cpu}.svg\n`);
