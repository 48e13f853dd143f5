// The guided-session view: pick a program, start it on the selected device, follow the step,
// timer, reps and cues, rate tender spots.
import { get, post, ApiError } from './api.js';
import { fmtDuration, fmtNum } from './svg.js';

const $ = id => document.getElementById(id);
const BLOCK_WORDS = { WORK: 'Work', SWITCH_SIDE: 'Switch sides', REST: 'Rest' };
const UNIT = { KILOPASCAL: 'kPa', NEWTON: 'N' };
const CUE_WORDS = { LIGHTER: 'lighter', IN_ZONE: 'in zone', HARDER: 'harder', HOLD: 'hold', MOVE_ON: 'move on' };

function regionLabel(id) {
  if (!id) return '—';
  const s = id.toLowerCase().replace(/_(left|right)$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + (id.endsWith('LEFT') ? ', left' : id.endsWith('RIGHT') ? ', right' : '');
}

export class GuideView {
  constructor(app) {
    this.app = app;
    this.programs = [];
    this.view = null;        // latest guided-session view from the server
    this.receivedAt = 0;     // performance.now() when it arrived, to run the timer between updates
    $('program-select').addEventListener('change', () => this.showProgram());
    $('guide-start-btn').addEventListener('click', () => this.start());
    $('guide-next').addEventListener('click', () => this.action('next'));
    $('guide-skip').addEventListener('click', () => this.action('skip'));
    $('guide-stop').addEventListener('click', () => this.action('stop'));
    $('guide-log-btn').addEventListener('click', () => this.action('log', { reps: Number($('guide-log-reps').value) }));
    $('tender-value').addEventListener('input', () => { $('tender-out').textContent = $('tender-value').value; });
    $('tender-btn').addEventListener('click', () => this.rate());
    $('program-upload-btn').addEventListener('click', () => this.upload());
    setInterval(() => this.tickTimer(), 250);
  }

  async loadPrograms(selectId) {
    this.programs = await get('/api/programs');
    const sel = $('program-select');
    sel.innerHTML = '';
    for (const p of this.programs) {
      const o = document.createElement('option');
      o.value = p.id;
      o.textContent = p.name;
      sel.appendChild(o);
    }
    if (selectId) sel.value = selectId;
    this.preferForDevice();
    this.showProgram();
  }

  /** Selects the first program for the selected device's kind, unless the user chose one. */
  preferForDevice() {
    const kind = this.app.device && this.app.device.kind;
    const sel = $('program-select');
    const current = this.programs.find(p => p.id === sel.value);
    if (kind && current && current.device !== kind) {
      const fit = this.programs.find(p => p.device === kind);
      if (fit) sel.value = fit.id;
    }
  }

  showProgram() {
    const p = this.programs.find(x => x.id === $('program-select').value);
    $('program-desc').textContent = p ? p.description : '';
    const ol = $('program-steps');
    ol.innerHTML = '';
    for (const s of p ? p.steps || [] : []) {
      const li = document.createElement('li');
      const dose = s.workMs > 0
        ? `${s.rounds} × ${fmtDuration(s.workMs)}${s.bothSides ? ' per side' : ''}`
        : `${s.sets} × ${s.reps} reps${s.repAxis === 'NONE' ? ' (logged)' : ''}`;
      const band = s.band ? ` · ${fmtNum(s.band.low, 0)}–${fmtNum(s.band.high, 0)} ${UNIT[s.band.unit] || s.band.unit}` : '';
      li.textContent = `${s.title}: ${dose}${band}`;
      ol.appendChild(li);
    }
  }

  async start() {
    $('guide-error').textContent = '';
    if (!this.app.deviceId) { $('guide-error').textContent = 'Pick a device first.'; return; }
    try {
      this.show(await post('/api/guided-sessions', { device: this.app.deviceId, program: $('program-select').value }));
    } catch (e) {
      $('guide-error').textContent = e.message;
    }
  }

  async action(name, body) {
    if (!this.view) return;
    try {
      this.show(await post(`/api/guided-sessions/${this.view.id}/${name}`, body || {}));
    } catch (e) {
      $('guide-error').textContent = e.message;
    }
  }

  async rate() {
    if (!this.view) return;
    const region = this.view.snapshot.spot || this.lastSpot;
    try {
      const r = await post(`/api/guided-sessions/${this.view.id}/tender`, { region, tenderness: Number($('tender-value').value) });
      $('tender-msg').textContent = r.summary || 'saved';
      this.app.history.loadTrends();
    } catch (e) {
      $('tender-msg').textContent = e.message;
    }
  }

  async upload() {
    const text = $('program-upload').value;
    const list = $('program-upload-errors');
    list.innerHTML = '';
    const json = text.trim().startsWith('{');
    try {
      const p = await post('/api/programs', text, json ? 'application/json' : 'application/yaml');
      await this.loadPrograms(p.id);
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = `Added “${p.name}”.`;
      list.appendChild(li);
    } catch (e) {
      const errors = e instanceof ApiError && e.body && e.body.errors ? e.body.errors : [{ reason: e.message }];
      for (const err of errors) {
        const li = document.createElement('li');
        li.textContent = (err.field ? err.field + ': ' : '') + (err.reason || err.message);
        list.appendChild(li);
      }
    }
  }

  /** Loads the device's running guided session, if any. */
  async refresh() {
    if (!this.app.deviceId) return;
    try {
      this.show(await get(`/api/devices/${this.app.deviceId}/guided-session`));
    } catch (e) {
      if (e.status === 404) this.show(null); else console.warn(e);
    }
  }

  /** Shows a guided-session view (from REST or a live "guide" event). */
  show(view) {
    if (!view || !this.view || view.id !== this.view.id) this.lastSpot = null;
    this.view = view;
    this.receivedAt = performance.now();
    const running = view && view.snapshot && view.snapshot.state !== 'FINISHED';
    $('guide-run').hidden = !view;
    $('guide-start').classList.toggle('compact', !!running);
    if (!view) return;
    const s = view.snapshot;
    $('guide-program').textContent = s.programName;
    $('guide-progress').textContent = s.state === 'FINISHED' ? 'finished'
      : `step ${s.stepIndex + 1} of ${s.stepCount}`;
    $('guide-run').dataset.stepIndex = s.stepIndex;
    $('guide-run').dataset.state = s.state;
    $('guide-run').dataset.stepId = s.stepId || '';
    $('guide-step').textContent = s.state === 'FINISHED' ? 'Well done — session finished' : s.stepTitle;
    let block = s.block ? BLOCK_WORDS[s.block] : '';
    if (s.block === 'WORK' && s.sets > 0) block += ` · set ${s.set} of ${s.sets}`;
    if (s.rounds > 1) block += ` · round ${s.round} of ${s.rounds}`;
    if (s.block === 'SWITCH_SIDE') block += ` → ${s.side.toLowerCase()} side`;
    if (s.nextTitle && s.block === 'REST') block += ` · next: ${s.stepTitle}`;
    $('guide-block').textContent = block;
    const reps = $('guide-reps');
    reps.textContent = s.targetReps > 0 ? `${s.reps} / ${s.targetReps}` : '';
    reps.dataset.reps = s.reps;
    reps.dataset.target = s.targetReps;
    $('guide-log').hidden = !(s.block === 'WORK' && s.targetReps > 0);
    if (s.spot) this.lastSpot = s.spot;
    $('guide-spot').textContent = regionLabel(s.spot);
    document.querySelector('#guide-run .spot').hidden = !s.spot;
    $('tender-region').textContent = regionLabel(s.spot || this.lastSpot);
    document.querySelector('#guide-run .tender').hidden = !(s.spot || this.lastSpot);
    $('guide-side').textContent = s.side && s.side !== 'NONE' ? `(${s.side.toLowerCase()} side)` : '';
    this.cue($('guide-band-cue'), s.block === 'WORK' && s.band ? view.bandCue : null);
    this.cue($('guide-dwell-cue'), s.block === 'WORK' && s.dwellTargetMs > 0 && view.dwell ? view.dwell.cue : null,
      view.dwell && s.dwellTargetMs > 0 ? ` ${fmtDuration(view.dwell.dwellMs)}/${fmtDuration(view.dwell.targetMs)}` : '');
    const ol = $('guide-results');
    ol.innerHTML = '';
    for (const r of s.results || []) {
      if (r.status === 'PENDING') continue;
      const li = document.createElement('li');
      li.className = r.status;
      const sets = r.repsPerSet || [];
      const what = sets.length ? `reps ${sets.join(', ')}` : r.targetReps > 0 ? 'no set done yet' : `${fmtDuration(r.workMs)} worked`
        + (r.inZoneMs + r.belowMs + r.aboveMs > 0
          ? `, ${Math.round(100 * r.inZoneMs / (r.inZoneMs + r.belowMs + r.aboveMs))} % in zone` : '');
      li.textContent = `${r.title}: ${r.status.toLowerCase()} — ${what}`;
      ol.appendChild(li);
    }
    this.tickTimer();
    if (this.app.onGuide) this.app.onGuide(view);
  }

  cue(node, cue, extra = '') {
    node.className = 'cue ' + (cue || 'idle');
    node.textContent = cue ? CUE_WORDS[cue] + extra : '—';
    node.dataset.cue = cue || '';
  }

  /** Runs the timer down between server updates (the server's time is the truth). */
  tickTimer() {
    const v = this.view;
    if (!v || !v.snapshot) return;
    const s = v.snapshot;
    const t = $('guide-timer');
    if (s.state === 'FINISHED' || !s.block) { t.textContent = '--:--'; return; }
    if (s.remainingMs >= 0) {
      const rate = v.timeRate || 1;
      const left = Math.max(0, s.remainingMs - (performance.now() - this.receivedAt) * rate);
      t.textContent = fmtDuration(left + 999);
    } else {
      t.textContent = fmtDuration(s.elapsedMs + (performance.now() - this.receivedAt) * (v.timeRate || 1));
    }
  }
}
