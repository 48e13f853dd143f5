// Hand-drawn SVG charts for the history view.
import { el, text, clear, fmtNum } from './svg.js';

const W = 360, H = 220, L = 34, B = 40, T = 12, Rm = 8;

function axes(svg, maxY, unit) {
  el('line', { x1: L, y1: H - B, x2: W - Rm, y2: H - B, stroke: '#c9d2dc' }, svg);
  for (let i = 0; i <= 4; i++) {
    const y = H - B - (H - B - T) * i / 4;
    el('line', { x1: L, y1: y, x2: W - Rm, y2: y, stroke: '#eef1f4' }, svg);
    text(svg, L - 4, y + 3, fmtNum(maxY * i / 4, maxY >= 10 ? 0 : 1), { 'text-anchor': 'end' });
  }
  text(svg, 4, T - 2, unit);
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
    text(svg, L + i * gw + gw / 2, H - B + 12, r.label, { 'text-anchor': 'middle' });
  });
  el('rect', { x: L + 6, y: H - 16, width: 8, height: 8, class: 'bar left' }, svg);
  text(svg, L + 18, H - 9, 'left');
  el('rect', { x: L + 50, y: H - 16, width: 8, height: 8, class: 'bar right' }, svg);
  text(svg, L + 62, H - 9, 'right');
  svg.setAttribute('data-points', bars);
}

/** Lines over sessions. series: [{name, colour, points: [{x (index), y}]}], labels: x labels. */
export function lines(svg, series, labels, unit) {
  clear(svg);
  const ys = series.flatMap(s => s.points.map(p => p.y)).filter(v => v !== null && !Number.isNaN(v));
  const maxY = Math.max(1, ...ys) * 1.1;
  axes(svg, maxY, unit);
  const n = Math.max(2, labels.length);
  const xAt = i => L + 8 + (W - L - Rm - 16) * i / (n - 1);
  const step = Math.max(1, Math.ceil(labels.length / 6));
  labels.forEach((lab, i) => { if (i % step === 0) text(svg, xAt(i), H - B + 12, lab, { 'text-anchor': 'middle' }); });
  let points = 0;
  series.forEach((s, k) => {
    const pts = s.points.filter(p => p.y !== null && !Number.isNaN(p.y));
    if (pts.length > 1) {
      el('path', { d: pts.map((p, i) => (i ? 'L' : 'M') + xAt(p.x).toFixed(1) + ' ' +
        (H - B - (H - B - T) * p.y / maxY).toFixed(1)).join(' '), class: 'line', stroke: s.colour }, svg);
    }
    for (const p of pts) {
      const c = el('circle', { cx: xAt(p.x), cy: H - B - (H - B - T) * p.y / maxY, r: 3.2, fill: s.colour, class: 'pt' }, svg);
      el('title', {}, c).textContent = `${s.name} ${labels[p.x]}: ${fmtNum(p.y)} ${unit}`;
      points++;
    }
    el('rect', { x: L + 6 + k * 90, y: H - 16, width: 8, height: 8, fill: s.colour }, svg);
    text(svg, L + 18 + k * 90, H - 9, s.name);
  });
  if (!points) text(svg, W / 2, H / 2, 'no data yet', { 'text-anchor': 'middle' });
  svg.setAttribute('data-points', points);
}
