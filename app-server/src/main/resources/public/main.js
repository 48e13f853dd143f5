// Wires the dashboard: device picker and status, live back map and gauge, guided view, history
// and weekly plan, drawn from the API with no libraries. The page keeps up to date from two
// WebSockets, never by asking again on a timer: /ws/devices (the user's devices appearing and
// changing state) and /ws/devices/{id} (the chosen device's samples, its sessions starting and
// ending, the session's region figures, its guided session). What a stream may have missed
// while it was down is fetched once when it is back. Switching device drops everything shown
// for the previous one.
import { BackMap } from './backmap.js';
import { Gauge } from './gauge.js';
import { GuideView } from './guide.js';
import { HistoryView } from './history.js';
import { PlanView } from './plan.js';
import { ProgramsView } from './programs.js';
import { tabs } from './tabs.js';
import { $, BAND_TO_CUE, CUE_WORDS, ago, deviceName, deviceStateText, fmtNum, get, live, loadCatalog, regionLabel,
  showUser, unitOfKind, unitSymbol } from './shared.js';

const VIEWS = ['live', 'guide', 'history', 'plan'];
const END_WORDS = { stopped: 'stopped', idle: 'no contact for a while', replaced: 'a new one started' };

showUser().catch(() => {});
try {
  await loadCatalog(); // the back map, the history's segments and every region's name come from it
} catch (e) {
  $('status-state').textContent = 'The server cannot be reached. Check that it runs, then reload.';
  throw e;
}

const app = {
  deviceId: null,
  device: null,
  devices: [],
  unit: '',
  socket: null,         // the chosen device's stream
  devicesSocket: null,  // the user's devices' changes
  session: null,        // the session shown: the device's open one, or the last that ended
  sessionState: '',     // running | ended
  view: 'live',
};

const map = new BackMap($('back-map'), { onPick: (id, words) => { $('map-readout').textContent = words; } });
const gauge = new Gauge($('gauge'));
app.programs = new ProgramsView(app);
app.guide = new GuideView(app);
app.history = new HistoryView(app);
app.plan = new PlanView(app);
window.spinetrack = app; // for people poking around in the console

app.onGuide = view => {
  const s = view && view.snapshot;
  if (s && s.band && s.state === 'RUNNING') gauge.setBand(s.band.low, s.band.high, unitSymbol(s.band.unit));
};

function showView(name) {
  app.view = name;
  if (name === 'history') app.history.load().catch(e => console.warn(e));
  if (name === 'plan') app.plan.load().catch(e => console.warn(e));
  if (name === 'guide') app.guide.refresh();
}
const selectTab = tabs(document.querySelector('nav.tabs'), name => {
  if (location.hash.slice(1) !== name) history.replaceState(null, '', location.search + '#' + name);
  showView(name);
});

for (const b of document.querySelectorAll('[data-map]')) {
  b.addEventListener('click', () => {
    for (const o of document.querySelectorAll('[data-map]')) {
      o.classList.toggle('active', o === b);
      o.setAttribute('aria-pressed', String(o === b));
    }
    map.setMode(b.dataset.map);
  });
}

function notice(text) {
  $('device-notice').textContent = text || '';
  $('device-notice').hidden = !text;
}

function status(d) {
  const st = deviceStateText(d);
  $('status-dot').className = 'dot ' + (d && d.state || '');
  $('status-state').textContent = d ? `${deviceName(d)}: ${st.short}` : 'no device';
  $('status-battery').textContent = d && d.battery !== null && d.battery !== undefined ? `battery ${d.battery} %` : '';
  const signal = d && d.state === 'ONLINE' && d.rssi !== null && d.rssi !== undefined ? `signal ${d.rssi} dBm`
    : d && d.state !== 'ONLINE' && d.lastSeen ? `last heard ${ago(d.lastSeen)}` : '';
  $('status-signal').textContent = signal;
  $('device-status').dataset.state = d ? d.state || '' : '';
  if (!app.wantedMissing) notice(d ? st.help : '');
}

/** The device list from the server: on load, and once after the devices' stream was down. */
async function loadDevices() {
  app.devices = await get('/api/devices');
  showPicker();
  pickDevice();
}

function showPicker() {
  const sel = $('device-select');
  sel.innerHTML = '';
  for (const d of app.devices) {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = `${deviceName(d)} (${(d.kind || 'unknown kind').toLowerCase()})`;
    sel.appendChild(o);
  }
  if (app.deviceId) sel.value = app.deviceId;
}

/** Keeps the chosen device if it is still there, else the one the address names, else an online one. */
function pickDevice() {
  if (!app.devices.length) {
    notice('No devices yet. Switch a device on near a gateway; it appears here by itself.');
    return;
  }
  const prev = app.deviceId;
  const wanted = new URLSearchParams(location.search).get('device');
  let pick = app.devices.find(d => d.id === prev);
  if (!pick && wanted) {
    pick = app.devices.find(d => d.id === wanted);
    if (!pick && !app.wantedMissing) {
      app.wantedMissing = true;
      const first = app.devices.find(d => d.state === 'ONLINE') || app.devices[0];
      notice(`There is no device “${wanted}” among your devices (the address may be old or mistyped). Showing ${deviceName(first)} instead; pick another above.`);
    }
  }
  pick = pick || app.devices.find(d => d.state === 'ONLINE') || app.devices[0];
  $('device-select').value = pick.id;
  if (pick.id !== prev) {
    selectDevice(pick.id);
  } else {
    app.device = pick;
    followSession(pick);
  }
  status(app.device);
}

/** A device appeared or changed (a "status" event of either stream). */
function onDeviceChange(d) {
  const known = app.devices.find(x => x.id === d.id);
  const renamed = !known || known.name !== d.name || known.kind !== d.kind;
  if (known) Object.assign(known, d);
  else app.devices.push({ ...d, openSession: null });
  if (renamed) showPicker();
  if (!app.deviceId) pickDevice();
  else if (d.id === app.deviceId) status(app.device);
}

/** Makes a device the current one: everything shown for the previous device is dropped. */
function selectDevice(id, byUser = false) {
  app.deviceId = id;
  app.device = app.devices.find(d => d.id === id) || null;
  app.unit = unitOfKind(app.device && app.device.kind);
  app.session = null;
  app.sessionState = '';
  if (byUser) { app.wantedMissing = false; history.replaceState(null, '', `?device=${id}#${app.view}`); }
  if (app.socket) app.socket.close();
  showFigures([]);
  map.setFocus(null);
  $('map-readout').textContent = '';
  gauge.reset();
  setLiveCue(null, false);
  $('gauge-text').textContent = 'No pressure yet.';
  $('live-region').textContent = '—';
  $('live-tilt').textContent = '—';
  showSession();
  app.guide.reset();
  app.history.reset();
  app.plan.reset();
  status(app.device);
  app.socket = live(`/ws/devices/${id}`, m => { if (id === app.deviceId) onLive(m); }, (up, info) => {
    if (id !== app.deviceId) return;
    document.body.classList.toggle('offline', !up);
    if (up && info.again) catchUp(id);
    if (!up && (info.code === 4403 || info.code === 4404)) loadDevices().catch(e => console.warn(e)); // no longer ours
  });
  app.programs.preferForDevice();
  app.guide.refresh();
  followSession(app.device);
  if (app.view !== 'plan') showView(app.view); // the plan spans every device: nothing to reload
}

/** After the device's stream was down: its state, open session, figures and guided session, once. */
async function catchUp(id) {
  try {
    const d = await get(`/api/devices/${id}`);
    if (id !== app.deviceId) return;
    onDeviceChange(d);
    followSession(app.device);
    refreshFigures();
    app.guide.refresh();
  } catch (e) {
    console.warn('catch up', e.message);
  }
}

/** Shows the device's open session (its figures fetched once), or marks the shown one ended. */
function followSession(d) {
  if (!d) return;
  if (d.openSession && d.openSession !== app.session) {
    setSession(d.openSession, 'running');
    refreshFigures();
  } else if (!d.openSession && app.session && app.sessionState === 'running') {
    setSession(app.session, 'ended');
  }
}

function setSession(id, state, reason = null) {
  app.session = id;
  app.sessionState = state;
  app.sessionReason = reason;
  if (app.device) app.device.openSession = state === 'running' ? id : null;
  showSession();
}

/** The live card's session line: the session running now, or how the last one ended. */
function showSession() {
  const el = $('live-session');
  el.dataset.session = app.session || '';
  el.dataset.state = app.session ? app.sessionState : '';
  const why = app.sessionReason ? ` (${END_WORDS[app.sessionReason] || app.sessionReason})` : '';
  el.textContent = !app.session ? 'none' : app.sessionState === 'ended' ? `#${app.session}, ended${why}` : `#${app.session}, running`;
}

function showFigures(regions) {
  map.setStats(regions, app.unit);
  map.fillTable(document.querySelector('#map-table tbody'));
}

function setLiveCue(cue, contact) {
  const c = $('band-cue');
  c.className = 'cue ' + (cue || 'idle');
  c.textContent = cue ? CUE_WORDS[cue] : contact ? '—' : 'no contact';
  c.dataset.cue = cue || '';
}

function onLive(m) {
  if (m.type === 'sample') {
    onSample(m);
  } else if (m.type === 'regions') {
    if (m.session === app.session) showFigures(m.payload);
  } else if (m.type === 'session') {
    const p = m.payload || {};
    if (p.state === 'started') {
      setSession(m.session, 'running');
      showFigures([]); // a new session starts empty; its figures follow as "regions" events
    } else if (p.state === 'ended' && m.session === app.session) {
      setSession(m.session, 'ended', p.reason);
    }
  } else if (m.type === 'status' && m.payload) {
    onDeviceChange(m.payload);
  } else if (m.type === 'guide') {
    app.guide.show(m.payload);
  }
}

function onSample(m) {
  gauge.setBand(m.bandLow, m.bandHigh, m.unit);
  gauge.set(m.pressure);
  app.unit = m.unit;
  map.setFocus(m.contact ? m.region : null);
  const cue = m.contact && m.band ? BAND_TO_CUE[m.band] : null;
  setLiveCue(cue, m.contact);
  $('gauge-text').textContent = m.contact
    ? `${fmtNum(m.pressure)} ${m.unit}${cue ? ', ' + CUE_WORDS[cue].toLowerCase() : ''} (target ${fmtNum(m.bandLow, 0)}–${fmtNum(m.bandHigh, 0)} ${m.unit})`
    : 'No contact.';
  $('live-region').textContent = m.region ? regionLabel(m.region) : '—';
  $('live-tilt').textContent = `pitch ${fmtNum(m.pitch, 0)}°, roll ${fmtNum(m.roll, 0)}°`;
  if (m.session && m.session !== app.session) { // its start went by unseen: fetch its figures once
    setSession(m.session, 'running');
    refreshFigures();
  }
  if (m.battery !== null && m.battery !== undefined && app.device) app.device.battery = m.battery;
  app.guide.onSample(m);
}

/** The shown session's region figures, fetched once (the stream brings every later change). */
async function refreshFigures() {
  const id = app.deviceId;
  const sessionId = app.session;
  if (!sessionId) return;
  try {
    const regions = await get(`/api/sessions/${sessionId}/regions`);
    if (id === app.deviceId && sessionId === app.session) showFigures(regions);
  } catch (e) {
    console.warn('figures', e.message);
  }
}

$('device-select').addEventListener('change', e => selectDevice(e.target.value, true));

async function boot() {
  await app.programs.load();
  const start = location.hash.slice(1);
  if (VIEWS.includes(start)) selectTab(start);
  app.devicesSocket = live('/ws/devices', m => { if (m.type === 'status' && m.payload) onDeviceChange(m.payload); },
    (up, info) => { if (up && info.again) loadDevices().catch(e => console.warn(e)); });
  await loadDevices();
  setInterval(() => status(app.device), 15000); // "last heard … ago" grows; nothing is fetched
}
boot().catch(e => { console.error(e); $('status-state').textContent = 'The server cannot be reached. Check that it runs, then reload.'; });
