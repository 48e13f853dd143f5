// Hand-drawn SVG charts for the history view; every chart also fills a table with its figures.
import { el, text, clear } from './svg.js';
import { DAY, fmtNum } from './shared.js';

const W = 360, H = 220, L = 38, B = 44, T = 14, Rm = 38;

function axes(svg, maxY, unit, right = null) {
  el('line', { x1: L, y1: H - B, x2: W - Rm, y2: H - B, stroke: '#5a6779' }, svg);
  for (let i = 0; i <= 4; i++) {
    const y = H - B - (H - B - T) * i / 4;
    el('line', { x1: L, y1: y, x2: W - Rm, y2: y, stroke: '#dde3ea' }, svg);
    text(svg, L - 4, y + 3, fmtNum(maxY * i / 4, maxY >= 10 ? 0 : 1), { 'text-anchor': 'end' });
    if (right) text(svg, W - Rm + 4, y + 3, fmtNum(right.max * i / 4, 0), {});
  }
  text(svg, 4, T - 4, unit);
  if (right) text(svg, W - 4, T - 4, right.unit, { 'text-anchor': 'end' });
}

/** Fills a table: caption, header row and rows of cells. */
export function table(node, caption, head, rows) {
  node.innerHTML = '';
  const c = document.createElement('caption');
  c.textContent = caption;
  node.appendChild(c);
  const thead = node.createTHead().insertRow();
  for (const h of head) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; thead.appendChild(th); }
  const body = node.createTBody();
  for (const r of rows) { const tr = body.insertRow(); for (const v of r) tr.insertCell().textContent = v; }
  if (!rows.length) body.insertRow().insertCell().textContent = 'no data yet';
}

/** Grouped bars: one group per segment, a left and a right bar. rows: [{label, left, right}]. */
export function dwellBars(svg, rows, unit) {
  clear(svg);
  const maxY = Math.max(1, ...rows.flatMap(r => [r.left, r.right]));
  axes(svg, maxY, unit);
  const gw = (W - L - Rm) / Math.max(1, rows.length);
  let bars = 0;
  rows.forEach((r, i) => {
    const x0 = L + i * gw + gw * 0.15;
    const bw = gw * 0.34;
    [['left', r.left], ['right', r.right]].forEach(([side, v], j) => {
      const h = (H - B - T) * v / maxY;
      const bar = el('rect', { x: x0 + j * bw, y: H - B - h, width: bw - 2, height: Math.max(0, h), class: 'bar ' + side,
        'data-value': v }, svg);
      el('title', {}, bar).textContent = `${r.label} ${side}: ${fmtNum(v)} ${unit}`;
      if (v > 0) bars++;
    });
    text(svg, L + i * gw + gw / 2, H - B + 13, r.label, { 'text-anchor': 'middle' });
  });
  el('rect', { x: L + 6, y: H - 16, width: 10, height: 10, class: 'bar left' }, svg);
  text(svg, L + 20, H - 7, 'left');
  el('rect', { x: L + 60, y: H - 16, width: 10, height: 10, class: 'bar right' }, svg);
  text(svg, L + 74, H - 7, 'right');
  svg.setAttribute('data-points', bars);
}

/**
 * Lines on a date axis from `from` to `to` (epoch ms). series: [{name, colour, dash, axis ('left'|'right'),
 * points: [{at, y}]}]; right: {max, unit} for a second scale.
 */
export function dateLines(svg, series, from, to, unit, right = null) {
  clear(svg);
  const left = series.filter(s => s.axis !== 'right');
  const ys = left.flatMap(s => s.points.map(p => p.y)).filter(v => v !== null && !Number.isNaN(v));
  const maxY = Math.max(1, ...ys) * 1.1;
  axes(svg, maxY, unit, right);
  const span = Math.max(DAY, to - from);
  const xAt = at => L + 6 + (W - L - Rm - 12) * (at - from) / span;
  const days = Math.round(span / DAY);
  const step = days <= 8 ? 1 : days <= 16 ? 2 : 7;
  for (let d = 0; d <= days; d += step) {
    const at = from + d * DAY;
    const label = new Date(at).toLocaleDateString('en-GB', days <= 8 ? { weekday: 'short', day: 'numeric' } : { day: 'numeric', month: 'short' });
    el('line', { x1: xAt(at), y1: H - B, x2: xAt(at), y2: H - B + 4, stroke: '#5a6779' }, svg);
    text(svg, xAt(at), H - B + 15, label, { 'text-anchor': 'middle' });
  }
  let points = 0;
  series.forEach((s, k) => {
    const max = s.axis === 'right' ? right.max : maxY;
    const yAt = v => H - B - (H - B - T) * v / max;
    const pts = s.points.filter(p => p.y !== null && !Number.isNaN(p.y) && p.at >= from && p.at <= to + DAY)
      .sort((a, b) => a.at - b.at);
    if (pts.length > 1) {
      el('path', { d: pts.map((p, i) => (i ? 'L' : 'M') + xAt(p.at).toFixed(1) + ' ' + yAt(p.y).toFixed(1)).join(' '),
        class: 'line', stroke: s.colour, 'stroke-dasharray': s.dash || null }, svg);
    }
    for (const p of pts) {
      const shape = k % 2 === 0
        ? el('circle', { cx: xAt(p.at), cy: yAt(p.y), r: 4, fill: s.colour, class: 'pt' }, svg)
        : el('rect', { x: xAt(p.at) - 4, y: yAt(p.y) - 4, width: 8, height: 8, fill: s.colour, class: 'pt' }, svg);
      el('title', {}, shape).textContent = `${s.name} ${new Date(p.at).toLocaleString('en-GB')}: ${fmtNum(p.y)}`;
      points++;
    }
    const lx = L + 6 + k * 110;
    if (k % 2 === 0) el('circle', { cx: lx + 4, cy: H - 11, r: 4, fill: s.colour }, svg);
    else el('rect', { x: lx, y: H - 15, width: 8, height: 8, fill: s.colour }, svg);
    text(svg, lx + 12, H - 7, s.name);
  });
  if (!points) text(svg, (W - Rm + L) / 2, H / 2, 'no data in this period', { 'text-anchor': 'middle' });
  svg.setAttribute('data-points', points);
}
