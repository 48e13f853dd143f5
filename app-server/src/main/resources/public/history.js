// Session history: the device's sessions, dwell per region of the chosen session (left and
// right bars per segment), a region's mean and peak pressure across sessions, and tender-spot trends.
import { get } from './api.js';
import { dwellBars, lines } from './charts.js';
import { fmtDuration } from './svg.js';

const $ = id => document.getElementById(id);
const SEGMENTS = [['CERVICOTHORACIC', 'C7–T1'], ['UPPER_THORACIC', 'T2–T4'], ['MID_THORACIC', 'T5–T8'],
  ['LOWER_THORACIC', 'T9–T12'], ['LUMBAR', 'L1–L5']];

export class HistoryView {
  constructor(app) {
    this.app = app;
    this.selected = null;
    const sel = $('chart-region');
    for (const [seg] of SEGMENTS) {
      for (const side of ['LEFT', 'RIGHT']) {
        const o = document.createElement('option');
        o.value = seg + '_' + side;
        o.textContent = (seg + ' ' + side).toLowerCase().replace(/_/g, ' ');
        sel.appendChild(o);
      }
    }
    sel.value = 'MID_THORACIC_LEFT';
    sel.addEventListener('change', () => this.loadRegion());
  }

  async load() {
    if (!this.app.deviceId) return;
    const sessions = await get(`/api/sessions?device=${this.app.deviceId}&limit=50`);
    const ul = $('session-list');
    ul.innerHTML = '';
    for (const s of sessions) {
      const li = document.createElement('li');
      li.dataset.session = s.id;
      const when = new Date(s.startedAt).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      li.innerHTML = `<span>#${s.id} · ${when}${s.open ? ' · <b>live</b>' : ''}</span><span class="muted">${fmtDuration(s.durationMs)} · ${s.samples} samples</span>`;
      li.addEventListener('click', () => this.select(s.id));
      ul.appendChild(li);
    }
    if (!sessions.length) ul.innerHTML = '<li class="muted">No sessions yet.</li>';
    const keep = sessions.find(s => s.id === this.selected);
    const withData = sessions.filter(s => s.contactMs > 0).sort((a, b) => b.contactMs - a.contactMs)[0];
    const pick = keep || withData || sessions[0];
    if (pick) await this.select(pick.id);
    await this.loadRegion();
    await this.loadTrends();
  }

  async select(id) {
    this.selected = id;
    for (const li of $('session-list').children) li.classList.toggle('selected', Number(li.dataset.session) === id);
    const detail = await get(`/api/sessions/${id}`);
    // Empty lists and nulls are left out of API bodies, hence the defaults.
    const by = Object.fromEntries((detail.regions || []).map(r => [r.region, r]));
    const rows = SEGMENTS.map(([seg, label]) => ({
      label,
      left: ((by[seg + '_LEFT'] || {}).dwellMs || 0) / 1000,
      right: ((by[seg + '_RIGHT'] || {}).dwellMs || 0) / 1000,
    }));
    dwellBars($('chart-dwell'), rows, 's');
    $('chart-dwell-note').textContent = `session #${id}`;
  }

  async loadRegion() {
    if (!this.app.deviceId) return;
    const region = $('chart-region').value;
    const hist = await get(`/api/regions/${region}/history?device=${this.app.deviceId}`);
    const rows = hist.slice().sort((a, b) => a.startedAt - b.startedAt).slice(-20);
    const labels = rows.map(r => '#' + r.session);
    const unit = this.app.unit || '';
    lines($('chart-pressure'), [
      { name: 'mean', colour: '#2f6fdf', points: rows.map((r, i) => ({ x: i, y: r.stats && r.stats.dwellMs > 0 ? r.stats.meanPressure : null })) },
      { name: 'peak', colour: '#d64545', points: rows.map((r, i) => ({ x: i, y: r.stats && r.stats.dwellMs > 0 ? r.stats.peakPressure : null })) },
    ], labels, unit);
  }

  async loadTrends() {
    const data = await get('/api/tender-spots');
    const ul = $('tender-trends');
    ul.innerHTML = '';
    const trends = data.trends || [];
    for (const t of trends) {
      const li = document.createElement('li');
      li.className = t.improving ? 'improving' : '';
      li.textContent = `${t.label}: ${t.summary}`;
      ul.appendChild(li);
    }
    if (!trends.length) ul.innerHTML = '<li class="muted">Rate a spot 0–10 during massage to follow it here.</li>';
  }
}
