// The guided screen, made for someone lying on a ball who cannot look at a phone: a big timer,
// a big meter, a cue judged on a rolling window and said out loud, an automatic pause when the
// ball is off the back, spoken spot transitions with a prompt to rate the finished spot, a
// confirmed "End session" and a summary with "Start again".
import { BackMap } from './backmap.js';
import { RollingCue, Announcer } from './cues.js';
import { Meter } from './meter.js';
import { $, CUE_WORDS, get, post, fmtDuration, fmtNum, humanize, regionLabel, regionWords, unitSymbol } from './shared.js';

const BLOCK_WORDS = { WORK: 'Work', SWITCH_SIDE: 'Switch sides', REST: 'Rest' };

export class GuideView {
  constructor(app) {
    this.app = app;
    this.view = null;          // latest guided-session view from the server
    this.receivedAt = 0;       // performance.now() when it arrived, to run the timer between updates
    this.cue = new RollingCue();
    this.say = new Announcer($('guide-say'));
    this.meter = new Meter($('guide-meter'), $('guide-meter-svg'));
    this.map = new BackMap($('guide-map'), { compact: true });
    this.done = new Set();     // spots finished in this session
    this.rated = new Map();    // region -> tenderness given in this session
    this.lastProgram = null;
    this.toRate = [];          // finished spots waiting to be rated
    // A run's card only grows while it runs: a banner or question that goes away leaves its room
    // empty, so the page never gets shorter under someone scrolled to its end (the browser would
    // then scroll back and move every control on screen). A new run or another window size starts over.
    this.runHeight = 0;
    const run = $('guide-run');
    new ResizeObserver(() => {
      const h = run.getBoundingClientRect().height;
      if (h > this.runHeight) { this.runHeight = h; run.style.minHeight = `${h}px`; }
    }).observe(run);
    window.addEventListener('resize', () => this.roomAgain());
    $('guide-next').addEventListener('click', () => this.action('next'));
    $('guide-skip').addEventListener('click', () => this.action('skip'));
    $('guide-stop').addEventListener('click', () => $('end-dialog').showModal());
    $('end-cancel').addEventListener('click', () => $('end-dialog').close());
    $('end-confirm').addEventListener('click', () => { $('end-dialog').close(); this.action('stop'); });
    $('guide-log-btn').addEventListener('click', () => this.action('log', { reps: Number($('guide-log-reps').value) }));
    $('guide-mute').addEventListener('click', () => { this.say.setMuted(!this.say.muted); this.showMute(); });
    $('rate-later').addEventListener('click', () => this.nextRating());
    $('summary-again').addEventListener('click', () => this.app.programs.start(this.lastProgram, true));
    $('summary-close').addEventListener('click', () => { $('guide-summary').hidden = true; $('guide-start').hidden = false; });
    const buttons = $('rate-buttons');
    for (let i = 0; i <= 10; i++) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = String(i);
      b.dataset.value = i;
      b.addEventListener('click', () => this.rate(i));
      buttons.appendChild(b);
    }
    this.showMute();
    setInterval(() => this.tickTimer(), 250);
  }

  showMute() {
    const b = $('guide-mute');
    b.setAttribute('aria-pressed', String(this.say.muted));
    b.textContent = this.say.muted ? 'Sound off (tap to turn on)' : 'Sound on (tap to mute)';
  }

  /** Forgets everything about the previous device. */
  reset() {
    this.view = null;
    this.cue.reset();
    this.done.clear();
    this.rated.clear();
    this.toRate = [];
    this.prevSpot = null;
    this.prevBlock = null;
    this.meter.set(null);
    $('guide-run').hidden = true;
    $('guide-summary').hidden = true;
    $('guide-start').hidden = false;
    $('guide-rate').hidden = true;
    $('guide-transition').hidden = true;
    $('guide-pause').hidden = true;
    $('guide-error').textContent = '';
  }

  async action(name, body) {
    if (!this.view) return;
    try {
      this.show(await post(`/api/guided-sessions/${this.view.id}/${name}`, body || {}));
    } catch (e) {
      $('guide-error').textContent = humanize(e.message, this.app.devices);
    }
  }

  async rate(value) {
    const region = $('guide-rate').dataset.region;
    if (!this.view || !region) return;
    try {
      const r = await post(`/api/guided-sessions/${this.view.id}/tender`, { region, tenderness: value });
      this.rated.set(region, value);
      $('rate-msg').textContent = `Saved: ${regionLabel(region)} ${value}/10.`;
      for (const b of $('rate-buttons').children) b.setAttribute('aria-pressed', String(Number(b.dataset.value) === value));
      setTimeout(() => { if ($('guide-rate').dataset.region === region) this.nextRating(); }, 2500);
    } catch (e) {
      $('rate-msg').textContent = humanize(e.message, this.app.devices);
    }
  }

  /** Lets the run's card take the height its content needs now (see the constructor). */
  roomAgain() {
    this.runHeight = 0;
    $('guide-run').style.minHeight = '';
  }

  /** Loads the device's running guided session, if any. */
  async refresh() {
    if (!this.app.deviceId) return;
    const device = this.app.deviceId;
    try {
      const v = await get(`/api/devices/${device}/guided-session`);
      if (device === this.app.deviceId) this.show(v);
    } catch (e) {
      if (e.status === 404 && device === this.app.deviceId && this.view && this.view.snapshot.state !== 'FINISHED') this.show(null);
      else if (e.status !== 404) console.warn(e);
    }
  }

  /** Shows a guided-session view (from REST or a live "guide" event). */
  show(view) {
    if (view && view.device && view.device !== this.app.deviceId) return; // another device's late answer
    // a run that finished stays finished: a live "guide" event computed before the stop goes out
    // when its ingest transaction commits, which on a busy server can be after the stop's answer
    if (view && this.view && view.id === this.view.id && this.view.snapshot.state === 'FINISHED'
        && view.snapshot.state !== 'FINISHED') return;
    const fresh = !view || !this.view || view.id !== this.view.id;
    if (fresh) {
      this.roomAgain();
      this.cue.reset();
      this.done.clear();
      this.rated.clear();
      this.toRate = [];
      this.prevSpot = null;
      this.prevBlock = null;
      $('guide-rate').hidden = true;
      $('guide-transition').hidden = true;
    }
    this.view = view;
    this.receivedAt = performance.now();
    if (!view) {
      $('guide-run').hidden = true;
      $('guide-start').hidden = false;
      if (this.app.onGuide) this.app.onGuide(null);
      return;
    }
    const s = view.snapshot;
    this.lastProgram = s.programId;
    if (s.state === 'FINISHED') {
      this.showSummary(view, !fresh);
      if (this.app.onGuide) this.app.onGuide(view);
      return;
    }
    $('guide-summary').hidden = true;
    $('guide-run').hidden = false;
    $('guide-start').hidden = true;
    const run = $('guide-run');
    run.dataset.stepIndex = s.stepIndex;
    run.dataset.state = s.state;
    run.dataset.stepId = s.stepId || '';
    run.dataset.block = s.block || '';
    run.dataset.spot = s.spot || '';
    $('guide-program').textContent = s.programName;
    $('guide-progress').textContent = `step ${s.stepIndex + 1} of ${s.stepCount}`;
    $('guide-step').textContent = s.stepTitle;
    let block = s.block ? BLOCK_WORDS[s.block] : '';
    if (s.block === 'WORK' && s.sets > 0) block += ` · set ${s.set} of ${s.sets}`;
    if (s.rounds > 1) block += ` · round ${s.round} of ${s.rounds}`;
    if (s.block === 'SWITCH_SIDE') block += ` → ${s.side.toLowerCase()} side`;
    if (s.block === 'REST' && s.nextTitle) block += ` · next: ${s.nextTitle}`;
    $('guide-block').textContent = block;
    const reps = $('guide-reps');
    reps.textContent = s.targetReps > 0 ? `${s.reps} of ${s.targetReps} reps` : '';
    reps.dataset.reps = s.reps;
    reps.dataset.target = s.targetReps;
    $('guide-log').hidden = !(s.block === 'WORK' && s.targetReps > 0);
    const banded = s.block === 'WORK' && s.band;
    $('guide-meter-box').hidden = !banded;
    $('guide-cue').hidden = !banded;
    $('guide-zone').hidden = !banded;
    if (banded) this.meter.setBand(s.band.low, s.band.high, unitSymbol(s.band.unit));
    this.transitions(s);
    this.showSpot(s, view);
    this.results(s);
    this.tickTimer();
    if (this.app.onGuide) this.app.onGuide(view);
  }

  /** Says what changed: a new spot, a side switch, a rest, a new step. */
  transitions(s) {
    const blockKey = `${s.stepIndex}:${s.block}:${s.round}:${s.set}:${s.side}`;
    const spotChanged = this.prevSpot !== null && s.spot !== this.prevSpot;
    if (spotChanged) {
      const finished = this.prevSpot;
      this.done.add(finished);
      const words = s.spot && s.block === 'WORK'
        ? `${regionLabel(finished)} done — move to ${regionWords(s.spot)}`
        : `${regionLabel(finished)} done`;
      const banner = $('guide-transition');
      banner.textContent = words;
      banner.hidden = false;
      banner.dataset.from = finished;
      banner.dataset.to = s.spot || '';
      this.say.say('MOVE_ON', words);
      this.askRating(finished);
      this.cue.resetZone();
    } else if (this.prevBlock !== null && blockKey !== this.prevBlock) {
      if (s.block === 'SWITCH_SIDE') this.say.say('SWITCH', `Switch to the ${s.side.toLowerCase()} side`);
      else if (s.block === 'REST') this.say.say('SWITCH', 'Rest');
      else if (s.block === 'WORK') this.say.say('MOVE_ON', s.spot ? `${s.stepTitle}: ${regionWords(s.spot)}` : s.stepTitle);
      this.cue.resetZone();
    }
    if (s.spot) this.prevSpot = s.spot;
    else if (this.prevSpot) { this.done.add(this.prevSpot); this.prevSpot = null; }
    this.prevBlock = blockKey;
  }

  /** Asks to rate a finished spot; while a question is open, later spots wait their turn. */
  askRating(region) {
    if (this.rated.has(region)) return;
    const f = $('guide-rate');
    if (!f.hidden && f.dataset.region && f.dataset.region !== region && !this.rated.has(f.dataset.region)) {
      if (!this.toRate.includes(region)) this.toRate.push(region);
      return;
    }
    f.dataset.region = region;
    $('rate-region').textContent = regionLabel(region);
    $('rate-msg').textContent = '';
    for (const b of $('rate-buttons').children) b.setAttribute('aria-pressed', 'false');
    f.hidden = false;
  }

  /** Closes the rating question and asks about the next finished spot, if one waits. */
  nextRating() {
    $('guide-rate').hidden = true;
    let next;
    while ((next = this.toRate.shift()) !== undefined) {
      if (!this.rated.has(next)) { this.askRating(next); break; }
    }
  }

  showSpot(s, view) {
    $('guide-spot-row').hidden = !s.spot;
    $('guide-spot').textContent = regionLabel(s.spot);
    $('guide-side').textContent = s.side && s.side !== 'NONE' ? `(${s.side.toLowerCase()} side)` : '';
    this.map.setFocus(s.spot);
    this.map.setDone([...this.done]);
    const d = view.dwell;
    $('guide-dwell').textContent = d && s.dwellTargetMs > 0 && s.block === 'WORK'
      ? `${fmtDuration(d.dwellMs)} of ${fmtDuration(d.targetMs)} on this spot` : '';
    $('guide-pause-spot').textContent = s.spot ? regionWords(s.spot) : 'the spot';
  }

  results(s) {
    const ol = $('guide-results');
    ol.innerHTML = '';
    for (const r of s.results || []) {
      if (r.status === 'PENDING' || r.status === 'ACTIVE') continue;
      const li = document.createElement('li');
      li.className = r.status;
      li.textContent = `${r.title}: ${resultWords(r)}`;
      ol.appendChild(li);
    }
  }

  /** A live sample of the device: meter, rolling cue, pause. */
  onSample(m) {
    const v = this.view;
    const s = v && v.snapshot;
    if (!s || s.state !== 'RUNNING' || s.block !== 'WORK' || !s.band) {
      $('guide-pause').hidden = true;
      return;
    }
    const before = this.cue.cue;
    const cue = this.cue.push(m.t, m.pressure, m.contact, s.band.low, s.band.high);
    this.meter.set(m.contact ? m.pressure : 0, cue ? CUE_WORDS[cue].toLowerCase() : '');
    $('guide-value').textContent = m.contact ? `${fmtNum(m.pressure)} ${this.meter.unit}` : 'no contact';
    $('guide-band').textContent = `target ${fmtNum(s.band.low, 0)}–${fmtNum(s.band.high, 0)} ${this.meter.unit}`;
    const node = $('guide-cue');
    node.className = 'cue big ' + (cue || 'idle');
    node.textContent = cue ? CUE_WORDS[cue] : '—';
    node.dataset.cue = cue || '';
    const pct = this.cue.zonePercent();
    $('guide-zone').textContent = pct === null ? '' : `${pct} % of the time in zone on this spot`;
    $('guide-zone').dataset.percent = pct === null ? '' : pct;
    const paused = cue === 'NO_CONTACT' && this.app.device && this.app.device.kind === 'BALL';
    $('guide-pause').hidden = !paused;
    $('guide-run').dataset.paused = String(paused);
    if (cue && cue !== before) this.say.say(cue, paused ? `Paused. Place the ball on ${regionWords(s.spot)}` : CUE_WORDS[cue]);
  }

  showSummary(view, justFinished) {
    const s = view.snapshot;
    $('guide-run').hidden = true;
    $('guide-start').hidden = true;
    const card = $('guide-summary');
    card.hidden = false;
    card.dataset.guide = view.id;
    $('summary-title').textContent = `${s.programName} — summary`;
    const results = (s.results || []).filter(r => r.status !== 'PENDING');
    const work = results.reduce((a, r) => a + (r.workMs || 0), 0);
    const banded = results.reduce((a, r) => a + r.inZoneMs + r.belowMs + r.aboveMs, 0);
    const inZone = results.reduce((a, r) => a + r.inZoneMs, 0);
    const facts = [
      ['Steps done', `${results.filter(r => r.status === 'COMPLETED').length} of ${s.stepCount}`],
      ['Time worked', fmtDuration(work)],
      ['In zone', banded > 0 ? `${Math.round(100 * inZone / banded)} % of the time` : '—'],
      ['Spots rated', this.rated.size ? [...this.rated].map(([r, t]) => `${regionLabel(r)} ${t}/10`).join('; ') : 'none'],
    ];
    const dl = $('summary-facts');
    dl.innerHTML = '';
    for (const [k, v] of facts) {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = v;
      dl.append(dt, dd);
    }
    const ul = $('summary-steps');
    ul.innerHTML = '';
    for (const r of s.results || []) {
      const li = document.createElement('li');
      li.className = r.status;
      li.textContent = `${r.title}: ${resultWords(r)}`;
      ul.appendChild(li);
    }
    if (justFinished) {
      this.say.say('DONE', 'Session finished. Well done.');
      $('summary-title').focus();
    }
  }

  /** Runs the timer between server updates (the server's time is the truth). */
  tickTimer() {
    const v = this.view;
    if (!v || !v.snapshot) return;
    const s = v.snapshot;
    const t = $('guide-timer');
    if (s.state === 'FINISHED' || !s.block) { t.textContent = '--:--'; return; }
    if ($('guide-run').dataset.paused === 'true') { t.textContent = 'Paused'; return; }
    const passed = (performance.now() - this.receivedAt) * (v.timeRate || 1);
    const ms = s.remainingMs >= 0 ? Math.max(0, s.remainingMs - passed) + 999 : s.elapsedMs + passed;
    t.textContent = fmtDuration(ms);
    // Screen readers hear the time left every 30 s and in the last 10 s, not every second.
    const sec = Math.floor(ms / 1000);
    if (s.remainingMs >= 0 && sec !== this.saidSec && (sec % 30 === 0 || sec <= 10) && sec > 0) {
      this.saidSec = sec;
      $('guide-timer-say').textContent = `${fmtDuration(ms)} left`;
    }
  }
}

/** One step's result in words. */
export function resultWords(r) {
  const status = { COMPLETED: 'done', SKIPPED: 'skipped', STOPPED: 'ended early', PENDING: 'not reached', ACTIVE: 'in progress' }[r.status]
    || String(r.status).toLowerCase();
  const sets = r.repsPerSet || [];
  const banded = r.inZoneMs + r.belowMs + r.aboveMs;
  const what = sets.length ? `reps ${sets.join(', ')}` : r.targetReps > 0 ? 'no set done'
    : `${fmtDuration(r.workMs)} worked` + (banded > 0 ? `, ${Math.round(100 * r.inZoneMs / banded)} % in zone` : '');
  return `${status} — ${what}`;
}
