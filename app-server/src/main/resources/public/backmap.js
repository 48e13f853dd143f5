// The back map: five spinal segments, each split left and right of the spine, coloured by
// dwell or mean pressure. Seen from behind, so the user's left is on the left.
import { el, text, clear, mix, fmtDuration, fmtNum } from './svg.js';

const SEGMENTS = [
  { id: 'CERVICOTHORACIC', label: 'C7–T1', y: 40, h: 34 },
  { id: 'UPPER_THORACIC', label: 'T2–T4', y: 78, h: 56 },
  { id: 'MID_THORACIC', label: 'T5–T8', y: 138, h: 74 },
  { id: 'LOWER_THORACIC', label: 'T9–T12', y: 216, h: 70 },
  { id: 'LUMBAR', label: 'L1–L5', y: 290, h: 70 },
];

export class BackMap {
  constructor(svg) {
    this.svg = svg;
    this.mode = 'dwell';
    this.stats = {};      // region id -> {dwellMs, meanPressure}
    this.focus = null;
    this.cells = {};
    this.draw();
  }

  draw() {
    const s = this.svg;
    clear(s);
    el('path', { d: 'M70 18 Q110 4 150 18 L196 40 Q206 150 182 250 Q176 330 168 372 L52 372 Q44 330 38 250 Q14 150 24 40 Z',
      fill: '#eef2f6', stroke: '#cfd8e2' }, s);
    el('line', { x1: 110, y1: 30, x2: 110, y2: 366, stroke: '#9aa8b8', 'stroke-width': 3, 'stroke-dasharray': '2 5' }, s);
    text(s, 40, 30, 'L', { 'font-weight': 700 });
    text(s, 174, 30, 'R', { 'font-weight': 700 });
    for (const seg of SEGMENTS) {
      for (const side of ['LEFT', 'RIGHT']) {
        const id = seg.id + '_' + side;
        const x = side === 'LEFT' ? 46 : 116;
        const g = el('g', {}, s);
        const r = el('rect', { x, y: seg.y, width: 58, height: seg.h, rx: 8, class: 'region', id: 'map-' + id,
          'data-region': id, fill: '#fdf1e4' }, g);
        el('title', {}, r).textContent = id.replace(/_/g, ' ').toLowerCase();
        const v = text(g, x + 29, seg.y + seg.h / 2 + 4, '', { 'text-anchor': 'middle', class: 'value' });
        this.cells[id] = { rect: r, value: v };
      }
      text(s, 204, seg.y + seg.h / 2 + 3, seg.label, { 'font-size': 8, fill: '#66768a' });
    }
    this.paint();
  }

  setMode(mode) {
    this.mode = mode;
    this.paint();
  }

  /** stats: array of {region, dwellMs, meanPressure, peakPressure}. */
  setStats(list) {
    this.stats = {};
    for (const r of list || []) this.stats[r.region] = r;
    this.paint();
  }

  setFocus(region) {
    if (region === this.focus) return;
    this.focus = region;
    for (const [id, c] of Object.entries(this.cells)) c.rect.classList.toggle('focus', id === region);
  }

  paint() {
    const key = this.mode === 'dwell' ? 'dwellMs' : 'meanPressure';
    const max = Math.max(1e-9, ...Object.values(this.stats).map(r => r[key] || 0));
    for (const [id, c] of Object.entries(this.cells)) {
      const r = this.stats[id];
      const v = r ? (r[key] || 0) : 0;
      c.rect.setAttribute('fill', mix('#fdf1e4', '#c8321f', Math.min(1, v / max)));
      c.rect.setAttribute('data-dwell-ms', r ? Math.round(r.dwellMs || 0) : 0);
      c.rect.setAttribute('data-pressure', r ? fmtNum(r.meanPressure, 2) : '');
      c.value.textContent = !r || !v ? '' : this.mode === 'dwell' ? fmtDuration(r.dwellMs) : fmtNum(r.meanPressure);
      c.value.setAttribute('fill', v / max > 0.55 ? '#fff' : '#1d2a35');
    }
  }
}
