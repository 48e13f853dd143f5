// The back map: five spinal segments, each split left and right of the spine, coloured by
// dwell or mean pressure. Seen from behind, so the user's left is on the left. Every region is
// reachable by keyboard and says its figures; a table carries the same figures.
import { el, text, clear, mix } from './svg.js';
import { fmtDuration, fmtNum, regionLabel, regions, segments } from './shared.js';

const TOP = 40, BOTTOM = 360, GAP = 4, MIN_H = 30;

/**
 * The catalog's segments placed down the back, each as tall as its share of the vertebrae
 * (the lumbar five take more room than C7–T1): [{id, left, right, span, y, h}].
 */
function layout() {
  const segs = segments();
  const levels = segs.reduce((a, s) => a + Math.max(1, s.levels.length), 0);
  const room = BOTTOM - TOP - GAP * Math.max(0, segs.length - 1);
  let y = TOP;
  return segs.map(s => {
    const h = Math.max(MIN_H, room * Math.max(1, s.levels.length) / Math.max(1, levels));
    const placed = { ...s, y, h };
    y += h + GAP;
    return placed;
  });
}

export class BackMap {
  /** options.compact: the guided screen's small map (no figures, not focusable). */
  constructor(svg, options = {}) {
    this.svg = svg;
    this.compact = !!options.compact;
    this.onPick = options.onPick || null;
    this.mode = 'dwell';
    this.unit = '';
    this.stats = {};      // region id -> {dwellMs, meanPressure}
    this.focus = null;
    this.cells = {};
    this.draw();
  }

  draw() {
    const s = this.svg;
    clear(s);
    el('path', { d: 'M70 18 Q110 4 150 18 L196 40 Q206 150 182 250 Q176 330 168 372 L52 372 Q44 330 38 250 Q14 150 24 40 Z',
      fill: '#eef2f6', stroke: '#8a94a3' }, s);
    el('line', { x1: 110, y1: 30, x2: 110, y2: 366, stroke: '#5a6779', 'stroke-width': 3, 'stroke-dasharray': '2 5' }, s);
    text(s, 40, 30, 'L', { 'font-weight': 700, class: 'map-text' });
    text(s, 174, 30, 'R', { 'font-weight': 700, class: 'map-text' });
    for (const seg of layout()) {
      for (const side of ['LEFT', 'RIGHT']) {
        const id = seg[side.toLowerCase()];
        if (!id) continue;
        const x = side === 'LEFT' ? 46 : 116;
        const g = el('g', {}, s);
        const attrs = { x, y: seg.y, width: 58, height: seg.h, rx: 8, class: 'region', 'data-region': id, fill: '#fdf1e4' };
        if (!this.compact) {
          Object.assign(attrs, { id: 'map-' + id, tabindex: 0, role: 'button', 'aria-label': regionLabel(id) });
        } else {
          attrs.id = 'mini-' + id;
        }
        const r = el('rect', attrs, g);
        if (!this.compact) {
          r.addEventListener('click', () => this.pick(id));
          r.addEventListener('focus', () => this.pick(id));
          r.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.pick(id); } });
        }
        const v = text(g, x + 29, seg.y + seg.h / 2 + 4, '', { 'text-anchor': 'middle', class: 'value' });
        this.cells[id] = { rect: r, value: v };
      }
      if (!this.compact) text(s, 204, seg.y + seg.h / 2 + 3, seg.span, { class: 'map-text level' });
    }
    this.paint();
  }

  pick(id) {
    if (this.onPick) this.onPick(id, this.describe(id));
  }

  /** A region's figures in words. */
  describe(id) {
    const r = this.stats[id];
    if (!r || !r.dwellMs) return `${regionLabel(id)}: no time there yet`;
    return `${regionLabel(id)}: ${fmtDuration(r.dwellMs)} dwell, mean pressure ${fmtNum(r.meanPressure)} ${this.unit}`;
  }

  setMode(mode) {
    this.mode = mode;
    this.paint();
  }

  /** stats: array of {region, dwellMs, meanPressure, peakPressure}. */
  setStats(list, unit) {
    this.stats = {};
    if (unit !== undefined) this.unit = unit;
    for (const r of list || []) this.stats[r.region] = r;
    this.paint();
  }

  setFocus(region) {
    if (region === this.focus) return;
    this.focus = region;
    for (const [id, c] of Object.entries(this.cells)) c.rect.classList.toggle('focus', id === region);
  }

  /** Compact map: regions already finished in this session. */
  setDone(regions) {
    for (const [id, c] of Object.entries(this.cells)) {
      const done = regions.includes(id);
      c.rect.classList.toggle('done', done);
      c.value.textContent = done ? '✓' : '';
    }
  }

  paint() {
    if (this.compact) return;
    const key = this.mode === 'dwell' ? 'dwellMs' : 'meanPressure';
    const max = Math.max(1e-9, ...Object.values(this.stats).map(r => r[key] || 0));
    for (const [id, c] of Object.entries(this.cells)) {
      const r = this.stats[id];
      const v = r ? (r[key] || 0) : 0;
      c.rect.setAttribute('fill', mix('#fdf1e4', '#c8321f', Math.min(1, v / max)));
      c.rect.setAttribute('data-dwell-ms', r ? Math.round(r.dwellMs || 0) : 0);
      c.rect.setAttribute('data-pressure', r ? fmtNum(r.meanPressure, 2) : '');
      c.rect.setAttribute('aria-label', this.describe(id));
      c.value.textContent = !r || !v ? '' : this.mode === 'dwell' ? fmtDuration(r.dwellMs) : fmtNum(r.meanPressure);
      c.value.setAttribute('fill', v / max > 0.45 ? '#fff' : '#1d2a35');
    }
  }

  /** Fills a table body with the same figures. */
  fillTable(tbody) {
    tbody.innerHTML = '';
    for (const { id } of regions()) {
      const r = this.stats[id];
      const tr = document.createElement('tr');
      for (const v of [regionLabel(id), r && r.dwellMs ? fmtDuration(r.dwellMs) : '—',
        r && r.dwellMs ? `${fmtNum(r.meanPressure)} ${this.unit}` : '—']) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
  }
}
