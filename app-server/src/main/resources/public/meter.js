// The guided screen's large pressure meter: a horizontal scale with the target band marked,
// readable from a metre away, and an ARIA meter carrying the same figures for screen readers.
import { el, text, clear } from './svg.js';
import { fmtNum } from './shared.js';

const X0 = 12, X1 = 388, Y = 22, H = 26;

export class Meter {
  constructor(box, svg) {
    this.box = box;
    this.svg = svg;
    this.low = null;
    this.high = null;
    this.unit = '';
    this.max = 50;
    this.value = null;
    this.draw();
  }

  setBand(low, high, unit) {
    if (low === this.low && high === this.high && unit === this.unit) return;
    Object.assign(this, { low, high, unit: unit || '' });
    this.max = Math.max(10, Math.ceil(((high || 30) * 1.6) / 10) * 10);
    this.box.setAttribute('aria-valuemax', this.max);
    this.draw();
  }

  x(v) {
    return X0 + (X1 - X0) * Math.max(0, Math.min(1, v / this.max));
  }

  draw() {
    const s = this.svg;
    clear(s);
    el('rect', { x: X0, y: Y, width: X1 - X0, height: H, rx: 4, fill: '#8a94a3' }, s);
    if (this.low !== null && this.high > this.low) {
      el('rect', { x: X0, y: Y, width: this.x(this.low) - X0, height: H, fill: '#b35f00', class: 'below' }, s);
      el('rect', { x: this.x(this.low), y: Y, width: this.x(this.high) - this.x(this.low), height: H, fill: '#1a7f45',
        id: 'meter-band', 'data-low': this.low, 'data-high': this.high }, s);
      el('rect', { x: this.x(this.high), y: Y, width: X1 - this.x(this.high), height: H, fill: '#c0392b', class: 'above' }, s);
      text(s, this.x(this.low), Y + H + 17, fmtNum(this.low, 0), { 'text-anchor': 'middle', class: 'tick' });
      text(s, this.x(this.high), Y + H + 17, fmtNum(this.high, 0), { 'text-anchor': 'middle', class: 'tick' });
      text(s, (this.x(this.low) + this.x(this.high)) / 2, Y + H / 2 + 5, 'in zone', { 'text-anchor': 'middle', class: 'on-band' });
    }
    text(s, X0, Y + H + 17, '0', { class: 'tick' });
    text(s, X1, Y + H + 17, String(this.max), { 'text-anchor': 'end', class: 'tick' });
    this.marker = el('path', { d: 'M0 0 L-9 -14 L9 -14 Z', fill: '#132233', stroke: '#fff', 'stroke-width': 1.5 }, s);
    this.line = el('rect', { x: -2.5, y: 0, width: 5, height: H + 6, fill: '#132233', stroke: '#fff', 'stroke-width': 1 }, s);
    if (this.value !== null) this.set(this.value, this.words);
    else this.place(0, false);
  }

  place(v, visible) {
    const x = this.x(v).toFixed(1);
    this.marker.setAttribute('transform', `translate(${x} ${Y})`);
    this.line.setAttribute('transform', `translate(${x} ${Y - 3})`);
    this.marker.setAttribute('visibility', visible ? 'visible' : 'hidden');
    this.line.setAttribute('visibility', visible ? 'visible' : 'hidden');
  }

  /** Shows a pressure; words says where it is against the band (for the ARIA text). */
  set(value, words) {
    this.value = value;
    this.words = words;
    this.place(value === null ? 0 : value, value !== null);
    this.box.setAttribute('aria-valuenow', value === null ? 0 : Number(value).toFixed(1));
    const band = this.low !== null ? `, target ${fmtNum(this.low, 0)} to ${fmtNum(this.high, 0)} ${this.unit}` : '';
    this.box.setAttribute('aria-valuetext', value === null ? 'no pressure' : `${fmtNum(value)} ${this.unit}${words ? ', ' + words : ''}${band}`);
    this.box.dataset.pressure = value === null ? '' : Number(value).toFixed(2);
  }
}
