// The revenue chart: one bar per month, drawn as inline SVG (no chart library).

import { h, money } from '/shared/dom.js';

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 28, right: 12, bottom: 34, left: 64 };

export function monthName(month, style = 'short') {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: style, timeZone: 'UTC' });
}

/** A round top for the axis and 4–5 gridlines: 1, 2 or 5 times a power of ten per step. */
function scale(max) {
  if (max <= 0) {
    return { top: 100, step: 25 };
  }
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough);
  return { top: Math.ceil(max / step) * step, step };
}

function axisLabel(value) {
  return value >= 10000 ? `€${(value / 1000).toLocaleString('en')}k` : `€${value.toLocaleString('en')}`;
}

/** `revenue`: GET /api/revenue's answer, {year, total, invoiceCount, months: [{month, total, invoiceCount}]}. */
export function revenueChart(revenue) {
  const months = [...revenue.months].sort((a, b) => a.month - b.month);
  const { top, step } = scale(Math.max(...months.map((m) => Number(m.total))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / 12;
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;

  const grid = [];
  for (let value = 0; value <= top + step / 2; value += step) {
    grid.push(h('g', { class: 'gridline' },
      h('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }),
      h('text', { x: MARGIN.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, axisLabel(value))));
  }

  const bars = months.map((entry, index) => {
    const total = Number(entry.total);
    const x = MARGIN.left + index * slot;
    const barTop = y(total);
    const name = `${monthName(entry.month, 'long')} ${revenue.year}`;
    return h('g', { class: 'month', dataset: { month: entry.month, total: total.toFixed(2) } },
      h('rect', {
        class: 'bar', x: x + slot * 0.18, width: slot * 0.64, y: barTop, height: Math.max(0, y(0) - barTop), rx: 3,
      },
      h('title', {}, `${name}: ${money(total)} from ${entry.invoiceCount} invoice${entry.invoiceCount === 1 ? '' : 's'}`)),
      total > 0 && h('text', { class: 'value', x: x + slot / 2, y: barTop - 6, 'text-anchor': 'middle' }, money(total)),
      h('text', { class: 'month-label', x: x + slot / 2, y: HEIGHT - MARGIN.bottom + 20, 'text-anchor': 'middle' },
        monthName(entry.month)));
  });

  return h('svg', {
    class: 'revenue-chart', id: 'revenue-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `Revenue by month in ${revenue.year}, ${money(revenue.total)} in total`,
    preserveAspectRatio: 'xMidYMid meet',
  },
  h('g', { class: 'grid' }, grid),
  h('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }),
  bars);
}
