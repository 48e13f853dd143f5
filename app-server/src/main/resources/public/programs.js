// Choosing, starting and writing programs: the picker with the program's steps, Start (asking
// before replacing a running one), and authoring with a template per device kind, errors in
// plain words with their line, and suggestions for region names that nearly match.
import { $, ApiError, get, post, fmtDuration, fmtNum, unitSymbol, regionLabel, regions, humanize } from './shared.js';

export const TEMPLATES = {
  BALL: `id: my-ball-routine
name: My ball routine
description: Massage the mid back on both sides, then cat-cow.
device: BALL
steps:
  - id: massage
    title: Massage the mid back
    kind: massage
    regions: [UPPER_THORACIC_LEFT, MID_THORACIC_LEFT, LOWER_THORACIC_LEFT]
    sides: both
    rounds: 2
    duration: 180
    band: {low: 18, high: 32, unit: kPa}
    dwellTarget: 45
    rest: 30
  - id: cat-cow
    title: Cat-cow
    kind: mobilize
    repAxis: pitch
    sets: 2
    reps: 8
    rest: 30
`,
  RACK: `id: my-rack-routine
name: My rack routine
description: Lie on the rack at three levels of the mid back.
device: RACK
steps:
  - id: decompress
    title: Lie on the rack
    kind: massage
    regions: [LOWER_THORACIC_LEFT, MID_THORACIC_LEFT, UPPER_THORACIC_LEFT]
    sides: both
    rounds: 1
    duration: 120
    band: {low: 150, high: 400, unit: N}
    rest: 20
`,
};

/** Edit distance, for "did you mean". */
export function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** The line (1-based) of an error path such as "steps[1](cat-cow).sets" in the program text, or null. */
export function lineOf(text, path) {
  const lines = text.split('\n');
  const m = /^steps\[(\d+)\][^.]*(?:\.([A-Za-z]+))?/.exec(path || '');
  if (!m) {
    const key = (path || '').split(/[.[]/)[0];
    const i = key ? lines.findIndex(l => new RegExp(`^${key}\\s*:`).test(l)) : -1;
    return i >= 0 ? i + 1 : null;
  }
  const stepsAt = lines.findIndex(l => /^steps\s*:/.test(l));
  if (stepsAt < 0) return null;
  const starts = [];
  for (let i = stepsAt + 1; i < lines.length; i++) if (/^\s*-\s/.test(lines[i]) && /^(\s*)-/.exec(lines[i])[1].length <= 4) starts.push(i);
  const start = starts[Number(m[1])];
  if (start === undefined) return null;
  const end = starts[Number(m[1]) + 1] ?? lines.length;
  if (m[2]) {
    for (let i = start; i < end; i++) if (new RegExp(`(^|[\\s{,-])${m[2]}\\s*:`).test(lines[i])) return i + 1;
  }
  return start + 1;
}

export class ProgramsView {
  constructor(app) {
    this.app = app;
    this.programs = [];
    this.chosen = false; // the user picked a program by hand
    $('program-select').addEventListener('change', () => { this.chosen = true; this.showProgram(); });
    $('guide-start-btn').addEventListener('click', () => this.start($('program-select').value, false));
    $('program-upload-btn').addEventListener('click', () => this.upload());
    $('template-ball').addEventListener('click', () => { $('program-upload').value = TEMPLATES.BALL; $('program-upload').focus(); });
    $('template-rack').addEventListener('click', () => { $('program-upload').value = TEMPLATES.RACK; $('program-upload').focus(); });
  }

  async load(selectId) {
    this.programs = await get('/api/programs');
    const sel = $('program-select');
    sel.innerHTML = '';
    for (const p of this.programs) {
      const o = document.createElement('option');
      o.value = p.id;
      const kind = String(p.device).toLowerCase();
      o.textContent = p.name.toLowerCase().includes(kind) ? p.name : `${p.name} (${kind})`;
      sel.appendChild(o);
    }
    if (selectId) { sel.value = selectId; this.chosen = true; }
    this.preferForDevice();
    this.showProgram();
  }

  /** Selects a program for the selected device's kind, unless the user chose one that fits. */
  preferForDevice() {
    const kind = this.app.device && this.app.device.kind;
    const sel = $('program-select');
    const current = this.programs.find(p => p.id === sel.value);
    if (kind && (!current || current.device !== kind)) {
      const fit = this.programs.find(p => p.device === kind);
      if (fit) { sel.value = fit.id; this.chosen = false; }
    }
    this.showProgram();
  }

  showProgram() {
    const p = this.programs.find(x => x.id === $('program-select').value);
    $('program-desc').textContent = p ? p.description || '' : '';
    const ol = $('program-steps');
    ol.innerHTML = '';
    for (const s of p ? p.steps || [] : []) {
      const li = document.createElement('li');
      const dose = s.workMs > 0
        ? `${s.rounds} × ${fmtDuration(s.workMs)}${s.bothSides ? ' per side' : ''}`
        : `${s.sets} × ${s.reps} reps${s.repAxis === 'NONE' ? ' (you log them)' : ''}`;
      const band = s.band ? ` · ${fmtNum(s.band.low, 0)}–${fmtNum(s.band.high, 0)} ${unitSymbol(s.band.unit)}` : '';
      const where = s.regions && s.regions.length ? ` · ${s.regions.map(regionLabel).join('; ')}` : '';
      li.textContent = `${s.title}: ${dose}${band}${where}`;
      ol.appendChild(li);
    }
  }

  /** Starts a program on the selected device; replace: the user already agreed to end a running one. */
  async start(programId, replace) {
    $('guide-error').textContent = '';
    if (!this.app.deviceId) { $('guide-error').textContent = 'Pick a device first (top of the page).'; return; }
    const p = this.programs.find(x => x.id === programId);
    if (p && this.app.device && this.app.device.kind && p.device !== this.app.device.kind) {
      $('guide-error').textContent = `“${p.name}” is for a ${p.device.toLowerCase()}, and ${this.app.device.name || 'this device'} is a ${this.app.device.kind.toLowerCase()}. Pick a ${this.app.device.kind.toLowerCase()} program or another device.`;
      return;
    }
    try {
      const body = { device: this.app.deviceId, program: programId };
      if (replace) body.replace = true;
      this.app.guide.show(await post('/api/guided-sessions', body));
    } catch (e) {
      if (e.status === 409 && !replace && window.confirm('A guided session is already running on this device. End it and start this one?')) {
        return this.start(programId, true);
      }
      $('guide-start').hidden = false;
      $('guide-error').textContent = humanize(e.message, this.app.devices);
    }
  }

  async upload() {
    const text = $('program-upload').value;
    const out = $('program-upload-result');
    out.innerHTML = '';
    const json = text.trim().startsWith('{');
    try {
      const p = await post('/api/programs', text, json ? 'application/json' : 'application/yaml');
      await this.load(p.id);
      const ok = document.createElement('p');
      ok.className = 'ok';
      ok.textContent = `Added “${p.name}” and selected it. Press Start when you are ready.`;
      out.appendChild(ok);
    } catch (e) {
      const errors = e instanceof ApiError && e.body && e.body.errors ? e.body.errors : [{ reason: e.message }];
      const head = document.createElement('p');
      head.className = 'error';
      head.textContent = errors.length === 1 ? 'The program was not added. One thing to fix:' : `The program was not added. ${errors.length} things to fix:`;
      const ul = document.createElement('ul');
      ul.className = 'error';
      ul.id = 'program-upload-errors';
      for (const err of errors) {
        const li = document.createElement('li');
        li.textContent = this.plain(text, err.field, err.reason || err.message || '');
        ul.appendChild(li);
      }
      out.append(head, ul);
    }
  }

  /** An upload error in plain words, with its line and a suggestion where one fits. */
  plain(text, field, reason) {
    let line = null;
    const at = /^line (\d+)/.exec(field || '');
    if (at) line = Number(at[1]); else line = lineOf(text, field);
    let words = reason
      .replace(/^not valid YAML or JSON: /, 'This is not valid YAML: ')
      .replace(/; known: .*$/, '')
      .replace(/\bwas\b/, 'you wrote');
    if (/not valid YAML/.test(words)) words += ' (often a missing space after a colon, a tab, or a wrong indent).';
    const unknown = /unknown region '?([^';]+)'?/.exec(reason);
    if (unknown && regions().length) {
      const typed = unknown[1].trim().toUpperCase().replace(/[\s-]+/g, '_');
      const best = regions().map(r => ({ r, d: distance(typed, r.id) })).sort((a, b) => a.d - b.d)[0];
      words = `There is no region called “${unknown[1]}”.` + (best && best.d <= 6
        ? ` Did you mean ${best.r.id} (${best.r.label})?` : ` Region ids look like MID_THORACIC_LEFT.`);
    }
    const where = field && !at ? ` [${field.replace(/\(([^)]*)\)/, ' “$1”')}]` : '';
    return (line ? `Line ${line}: ` : '') + words + where;
  }
}
