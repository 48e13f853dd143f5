// Semicircular pressure gauge with the target band drawn on its scale.
import { el, text, clear } from './svg.js';
import { fmtNum } from './shared.js';

const CX = 110, CY = 118, R = 92;

function polar(frac, r = R) {
  const a = Math.PI * (1 - frac);
  return [CX + r * Math.cos(a), CY - r * Math.sin(a)];
}

function arc(f0, f1, r) {
  const [x0, y0] = polar(f0, r);
  const [x1, y1] = polar(f1, r);
  return `M${x0.toFixed(1)} ${y0.toFixed(1)} A${r} ${r} 0 0 1 ${x1.toFixed(1)} ${y1.toFixed(1)}`;
}

export class Gauge {
  constructor(svg) {
    this.svg = svg;
    this.max = 50;
    this.low = null;
    this.high = null;
    this.unit = '';
    this.value = null;
    this.draw();
  }

  setBand(low, high, unit) {
    if (low === this.low && high === this.high && unit === this.unit) return;
    this.low = low; this.high = high; this.unit = unit || '';
    this.max = Math.max(10, Math.ceil(((high || 30) * 1.6) / 10) * 10);
    this.draw();
  }

  draw() {
    const s = this.svg;
    clear(s);
    el('path', { d: arc(0, 1, R), stroke: '#e3e8ee', 'stroke-width': 16, fill: 'none' }, s);
    if (this.low !== null && this.high !== null && this.high > this.low) {
      el('path', { d: arc(0, Math.min(1, this.low / this.max), R), stroke: '#b35f00', 'stroke-width': 16, fill: 'none' }, s);
      el('path', { d: arc(Math.min(1, this.low / this.max), Math.min(1, this.high / this.max), R), stroke: '#1a7f45',
        'stroke-width': 16, fill: 'none', id: 'gauge-band', 'data-low': this.low, 'data-high': this.high }, s);
      el('path', { d: arc(Math.min(1, this.high / this.max), 1, R), stroke: '#c0392b', 'stroke-width': 16, fill: 'none' }, s);
    }
    for (let i = 0; i <= 5; i++) {
      const [x, y] = polar(i / 5, R - 18);
      text(s, x, y + 3, String(Math.round(this.max * i / 5)), { 'text-anchor': 'middle', 'font-size': 8, fill: '#5a6779' });
    }
    this.needle = el('line', { x1: CX, y1: CY, x2: CX - R + 6, y2: CY, stroke: '#1d2a35', 'stroke-width': 3,
      'stroke-linecap': 'round', id: 'gauge-needle' }, s);
    el('circle', { cx: CX, cy: CY, r: 5, fill: '#1d2a35' }, s);
    this.label = text(s, CX, CY + 34, '–', { 'text-anchor': 'middle', 'font-size': 22, 'font-weight': 700, fill: '#1d2a35',
      id: 'gauge-value' });
    this.unitLabel = text(s, CX, CY + 48, this.unit, { 'text-anchor': 'middle', 'font-size': 10, fill: '#5a6779' });
    if (this.value !== null) this.set(this.value);
  }

  /** Back to no band and no value (another device was picked). */
  reset() {
    this.low = null; this.high = null; this.unit = ''; this.value = null; this.max = 50;
    this.draw();
    this.svg.removeAttribute('data-pressure');
  }

  set(value) {
    this.value = value;
    const f = Math.max(0, Math.min(1, value / this.max));
    const [x, y] = polar(f, R - 6);
    this.needle.setAttribute('x2', x.toFixed(1));
    this.needle.setAttribute('y2', y.toFixed(1));
    this.label.textContent = fmtNum(value);
    this.svg.setAttribute('data-pressure', fmtNum(value, 2));
  }
}
