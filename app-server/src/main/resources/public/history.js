// History as a story: the device's sessions as cards (program, date, duration, spots), the
// chosen session's dwell per region, a spot's pressure by date (week or month), and each tender
// spot's tolerated pressure against its tenderness across days. Every chart has a table and
// can be saved as SVG, PNG or CSV.
import { dwellBars, dateLines, table } from './charts.js';
import { wireExports } from './export.js';
import { loadCards, spotTrends } from './story.js';
import { $, DAY, get, fmtDate, fmtDuration, fmtNum, regionLabel, regions, segments } from './shared.js';

export class HistoryView {
  constructor(app) {
    this.app = app;
    this.selected = null;
    this.span = 'month';
    this.cards = [];
    const sel = $('chart-region');
    for (const { id } of regions()) {
      const o = document.createElement('option');
      o.value = id;
      o.textContent = regionLabel(id);
      sel.appendChild(o);
    }
    sel.value = 'MID_THORACIC_LEFT';
    sel.addEventListener('change', () => { this.regionChosen = true; this.loadRegion(); });
    for (const b of document.querySelectorAll('[data-span]')) {
      b.addEventListener('click', () => {
        this.span = b.dataset.span;
        for (const o of document.querySelectorAll('[data-span]')) {
          o.classList.toggle('active', o === b);
          o.setAttribute('aria-pressed', String(o === b));
        }
        this.loadRegion();
        this.drawTender();
      });
    }
    wireExports($('view-history'));
  }

  /** Forgets the previous device's history. */
  reset() {
    this.selected = null;
    this.cards = [];
    this.regionChosen = false;
    $('session-list').innerHTML = '';
    for (const id of ['chart-dwell', 'chart-pressure']) { $(id).innerHTML = ''; $(id).removeAttribute('data-points'); }
    $('chart-dwell-note').textContent = '';
  }

  async load() {
    const device = this.app.deviceId;
    if (!device) return;
    const cards = await loadCards(device, 20);
    if (device !== this.app.deviceId) return;
    this.cards = cards;
    const ul = $('session-list');
    ul.innerHTML = '';
    for (const c of cards) ul.appendChild(this.card(c));
    if (!cards.length) ul.innerHTML = '<li class="muted">No sessions on this device yet.</li>';
    // Open on the latest session with something in it: that is what people come back to see.
    const keep = cards.find(c => c.id === this.selected);
    const pick = keep || cards.find(c => c.regions.length) || cards[0];
    if (pick) await this.select(pick.id);
    if (!this.regionChosen && pick && pick.regions.length) $('chart-region').value = pick.regions[0].region;
    await this.loadRegion();
    await this.loadTrends();
  }

  card(c) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.className = 'session-card';
    b.dataset.session = c.id;
    b.setAttribute('aria-pressed', 'false');
    const title = document.createElement('strong');
    title.textContent = c.program || (c.contactMs > 0 ? 'Free session' : 'Session without contact');
    const when = document.createElement('span');
    when.textContent = `${fmtDate(c.startedAt)}${c.open ? ' · running now' : ''}`;
    const facts = document.createElement('span');
    facts.className = 'muted';
    const spots = c.regions.slice(0, 3).map(r => regionLabel(r.region)).join('; ');
    facts.textContent = `${fmtDuration(c.durationMs)} long · ${spots || 'no spots worked'}${c.regions.length > 3 ? ` and ${c.regions.length - 3} more` : ''}`;
    b.append(title, when, facts);
    b.addEventListener('click', () => this.select(c.id));
    li.appendChild(b);
    return li;
  }

  async select(id) {
    this.selected = id;
    for (const b of $('session-list').querySelectorAll('[data-session]')) {
      const on = Number(b.dataset.session) === id;
      b.classList.toggle('selected', on);
      b.setAttribute('aria-pressed', String(on));
    }
    const c = this.cards.find(x => x.id === id);
    const by = Object.fromEntries((c ? c.regions : []).map(r => [r.region, r]));
    const rows = segments().map(seg => ({
      label: seg.span,
      left: ((by[seg.left] || {}).dwellMs || 0) / 1000,
      right: ((by[seg.right] || {}).dwellMs || 0) / 1000,
    }));
    dwellBars($('chart-dwell'), rows, 's');
    table($('table-dwell'), 'Dwell per region, seconds', ['Segment', 'Left (s)', 'Right (s)'],
      rows.map(r => [r.label, fmtNum(r.left), fmtNum(r.right)]));
    $('chart-dwell-note').textContent = c ? `${c.program || 'session'} · ${fmtDate(c.startedAt)}` : '';
  }

  range() {
    const to = new Date();
    to.setHours(0, 0, 0, 0);
    const days = this.span === 'week' ? 7 : 30;
    return [to.getTime() - (days - 1) * DAY, to.getTime()];
  }

  async loadRegion() {
    const device = this.app.deviceId;
    if (!device) return;
    const region = $('chart-region').value;
    const hist = await get(`/api/regions/${region}/history?device=${device}`);
    if (device !== this.app.deviceId) return;
    const rows = hist.filter(r => r.stats && r.stats.dwellMs > 0).sort((a, b) => a.startedAt - b.startedAt);
    const unit = this.app.unit || '';
    const [from, to] = this.range();
    dateLines($('chart-pressure'), [
      { name: `mean (${unit})`, colour: '#1f5fc8', points: rows.map(r => ({ at: r.startedAt, y: r.stats.meanPressure })) },
      { name: `peak (${unit})`, colour: '#b42318', dash: '5 3', points: rows.map(r => ({ at: r.startedAt, y: r.stats.peakPressure })) },
    ], from, to, unit);
    const shown = rows.filter(r => r.startedAt >= from);
    table($('table-pressure'), `${regionLabel(region)}: pressure per session`, ['Date', 'Dwell', `Mean (${unit})`, `Peak (${unit})`],
      shown.map(r => [fmtDate(r.startedAt), fmtDuration(r.stats.dwellMs), fmtNum(r.stats.meanPressure), fmtNum(r.stats.peakPressure)]));
  }

  async loadTrends() {
    const data = await get('/api/tender-spots');
    this.spots = spotTrends(data.ratings || []);
    const ul = $('tender-trends');
    ul.innerHTML = '';
    for (const s of this.spots) {
      const li = document.createElement('li');
      const t = s.trend;
      li.className = t && t.improving ? 'improving' : '';
      li.dataset.region = s.region;
      li.textContent = !t
        ? `${regionLabel(s.region)}: rated on one day so far (${s.days[0].tenderness}/10) — rate it again on another day to see a trend.`
        : `${regionLabel(s.region)}: tenderness ${t.from.tenderness} → ${t.to.tenderness} from ${fmtDate(t.from.at, false)} to ${fmtDate(t.to.at, false)}`
          + (t.pressurePct !== null ? `, ${t.pressurePct >= 0 ? 'tolerates' : 'took'} ${Math.abs(t.pressurePct)} % ${t.pressurePct >= 0 ? 'more' : 'less'} pressure` : '')
          + (t.improving ? ' — getting better.' : '.');
      ul.appendChild(li);
    }
    if (!this.spots.length) ul.innerHTML = '<li class="muted">Rate a spot 0–10 during a guided massage to follow it here.</li>';
    this.drawTender();
  }

  drawTender() {
    const spots = this.spots || [];
    const s = spots.find(x => x.region === $('chart-region').value) || spots[0];
    const [from, to] = this.range();
    const unit = this.app.unit || 'kPa';
    const points = s ? s.days : [];
    dateLines($('chart-tender'), [
      { name: `pressure (${unit})`, colour: '#1f5fc8', points: points.map(p => ({ at: p.at, y: p.pressure || null })) },
      { name: 'tenderness (0–10)', colour: '#b42318', dash: '5 3', axis: 'right', points: points.map(p => ({ at: p.at, y: p.tenderness })) },
    ], from, to, unit, { max: 10, unit: '/10' });
    table($('table-tender'), s ? `${regionLabel(s.region)}: last rating of each day` : 'No ratings yet',
      ['Date', 'Tenderness (0–10)', `Tolerated pressure (${unit})`],
      points.map(p => [fmtDate(p.at, false), String(p.tenderness), p.pressure ? fmtNum(p.pressure) : '—']));
  }
}
