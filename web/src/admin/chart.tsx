// A small bar / line chart in plain SVG (no library: the admin stats need four simple charts). The SVG is
// one image with a name for assistive technology; the same figures are in a visually hidden table.

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** a CSS colour; the legend and the table say the name, so colour is never the only cue */
  readonly color: string;
}

export interface ChartProps {
  readonly kind: 'bar' | 'line';
  /** the accessible name of the image and the caption of its table */
  readonly label: string;
  /** one per bucket, in order */
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly format: (value: number) => string;
  /** bars of several series on top of each other (else side by side) */
  readonly stacked?: boolean;
  /** the header of the table's first column (what a label is: day, week, month) */
  readonly rowHeader: string;
}

const W = 640;
const H = 220;
const LEFT = 84;
const BOTTOM = 26;
const TOP = 10;

/** A round upper bound for the axis, at least `value`: 1, 2, 4, 6, 8 or 10 times a power of ten (at least 2), so the middle tick is whole too. */
export function niceMax(value: number): number {
  if (value <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 4, 6, 8, 10].map((s) => s * power).find((n) => n >= value) ?? 10 * power;
}

export function Chart({ kind, label, labels, series, format, stacked = false, rowHeader }: ChartProps) {
  const n = labels.length;
  const sum = (i: number) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0);
  const top = niceMax(Math.max(0, ...labels.map((_, i) => (stacked ? sum(i) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))))));
  const plotW = W - LEFT - 8;
  const plotH = H - TOP - BOTTOM;
  const band = plotW / Math.max(n, 1);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const every = Math.ceil(n / 8);
  const bars = series.flatMap((s, k) =>
    s.values.map((v, i) => {
      const below = stacked ? series.slice(0, k).reduce((acc, x) => acc + (x.values[i] ?? 0), 0) : 0;
      const width = stacked ? band * 0.7 : (band * 0.8) / series.length;
      const x = LEFT + i * band + (stacked ? band * 0.15 : band * 0.1 + k * width);
      return <rect key={`${k}-${i}`} x={x} y={y(below + v)} width={Math.max(width - 1, 1)} height={y(below) - y(below + v)} fill={s.color} />;
    }),
  );
  const lines = series.map((s) => (
    <g key={s.name} stroke={s.color} fill={s.color}>
      <polyline fill="none" strokeWidth={2} points={s.values.map((v, i) => `${LEFT + (i + 0.5) * band},${y(v)}`).join(' ')} />
      {s.values.map((v, i) => (
        <circle key={i} cx={LEFT + (i + 0.5) * band} cy={y(v)} r={3} />
      ))}
    </g>
  ));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <title>{label}</title>
        {[0, top / 2, top].map((t) => (
          <g key={t} className="chart-grid">
            <line x1={LEFT} x2={W - 8} y1={y(t)} y2={y(t)} />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {kind === 'bar' ? bars : lines}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={i} className="chart-x" x={LEFT + (i + 0.5) * band} y={H - 8} textAnchor="middle">
              {l}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name}>
              <span className="chart-swatch" style={{ background: s.color }} /> {s.name}
            </li>
          ))}
        </ul>
      )}
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={i}>
              <th scope="row">{l}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
