import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Chart, niceMax } from './chart.tsx';

describe('Chart', () => {
  const series = [
    { name: '완료', color: '#0a0', values: [2, 0, 5] },
    { name: '취소', color: '#a00', values: [1, 1, 0] },
  ];

  it('is one named image with the figures in a hidden table', () => {
    render(<Chart kind="bar" stacked label="예약 차트" rowHeader="구간" labels={['12. 1.', '12. 2.', '12. 3.']} series={series} format={(n) => `${n}건`} />);
    const image = screen.getByRole('img', { name: '예약 차트' });
    expect(image.querySelector('title')?.textContent).toBe('예약 차트');
    expect(image.querySelectorAll('rect')).toHaveLength(6);
    const table = screen.getByRole('table', { name: '예약 차트' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['구간', '완료', '취소']);
    const row = within(table).getByRole('rowheader', { name: '12. 3.' }).parentElement as HTMLElement;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5건', '0건']);
    expect(table.className).toBe('sr-only');
  });

  it('labels the value axis with round figures and stacks bars up to the total', () => {
    render(<Chart kind="bar" stacked label="c" rowHeader="r" labels={['a', 'b', 'c']} series={series} format={(n) => `${n}`} />);
    const ticks = [...screen.getByRole('img').querySelectorAll('.chart-grid text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '3', '6']);
    // Heights are proportional: the third stack (5) against the first (2 + 1).
    const rects = [...screen.getByRole('img').querySelectorAll('rect')];
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    const third = heights[2] ?? 0;
    const firstTotal = (heights[0] ?? 0) + (heights[3] ?? 0);
    expect(third).toBeCloseTo((firstTotal * 5) / 3);
  });

  it('draws one line per series, with a legend', () => {
    render(<Chart kind="line" label="money" rowHeader="r" labels={['a', 'b', 'c']} series={series} format={(n) => `₩${n}`} />);
    const image = screen.getByRole('img', { name: 'money' });
    expect(image.querySelectorAll('polyline')).toHaveLength(2);
    expect(image.querySelectorAll('circle')).toHaveLength(6);
    expect(screen.getByText('완료', { selector: 'li' })).toBeDefined();
  });

  it('niceMax rounds up to 1, 2, 4, 6, 8 or 10 times a power of ten, at least 2', () => {
    expect([0, 1, 3, 5, 7, 10, 11, 240000, 1_234_000].map(niceMax)).toEqual([2, 2, 4, 6, 8, 10, 20, 400000, 2_000_000]);
  });
});
