// Wires the dashboard: device picker and status, live back map and gauge from the device's
// WebSocket, guided view, history and weekly plan. Everything is drawn here from the API; no
// libraries. Switching device resets everything tied to the previous one.
import { get, live } from './api.js';
import { showUser } from './auth.js';
import { BackMap } from './backmap.js';
import { Gauge } from './gauge.js';
import { GuideView } from './guide.js';
import { HistoryView } from './history.js';
import { PlanView } from './plan.js';
import { ProgramsView } from './programs.js';
import { tabs } from './tabs.js';
import { fmtNum } from './svg.js';
import { CUE_WORDS, regionLabel, deviceName, deviceStateText } from './words.js';

const $ = id => document.getElementById(id);
const BAND_TO_CUE = { BELOW: 'HARDER', IN: 'IN_ZONE', ABOVE: 'LIGHTER' };
const VIEWS = ['live', 'guide', 'history', 'plan'];

const app = {
  deviceId: null,
  device: null,
  devices: [],
  unit: '',
  socket: null,
  session: null,
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
  if (s && s.band && s.state === 'RUNNING') gauge.setBand(s.band.low, s.band.high, s.band.unit === 'NEWTON' ? 'N' : 'kPa');
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

function ago(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 90 ? `${s} s ago` : s < 5400 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
}

async function loadDevices() {
  app.devices = await get('/api/devices');
  const sel = $('device-select');
  const prev = app.deviceId;
  sel.innerHTML = '';
  for (const d of app.devices) {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = `${deviceName(d)} (${(d.kind || 'unknown kind').toLowerCase()})`;
    sel.appendChild(o);
  }
  if (!app.devices.length) {
    notice('No devices yet. Switch a device on near a gateway; it appears here by itself.');
    return;
  }
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
  sel.value = pick.id;
  if (pick.id !== prev) selectDevice(pick.id);
  app.device = app.devices.find(d => d.id === app.deviceId) || pick;
  status(app.device);
}

/** Makes a device the current one: everything shown for the previous device is dropped. */
function selectDevice(id, byUser = false) {
  app.deviceId = id;
  app.device = app.devices.find(d => d.id === id) || null;
  app.unit = app.device && app.device.kind === 'RACK' ? 'N' : 'kPa';
  app.session = null;
  if (byUser) { app.wantedMissing = false; history.replaceState(null, '', `?device=${id}#${app.view}`); }
  if (app.socket) app.socket.close();
  map.setStats([], app.unit);
  map.setFocus(null);
  map.fillTable(document.querySelector('#map-table tbody'));
  $('map-readout').textContent = '';
  gauge.reset();
  setLiveCue(null, false);
  $('gauge-text').textContent = 'No pressure yet.';
  $('live-region').textContent = '—';
  $('live-tilt').textContent = '—';
  $('live-session').textContent = '—';
  app.guide.reset();
  app.history.reset();
  app.plan.reset();
  status(app.device);
  app.socket = live(`/ws/devices/${id}`, m => { if (id === app.deviceId) onLive(m); },
    up => document.body.classList.toggle('offline', !up));
  app.programs.preferForDevice();
  app.guide.refresh();
  refreshStats();
  if (app.view !== 'plan') showView(app.view); // the plan spans every device: nothing to reload
}

function setLiveCue(cue, contact) {
  const c = $('band-cue');
  c.className = 'cue ' + (cue || 'idle');
  c.textContent = cue ? CUE_WORDS[cue] : contact ? '—' : 'no contact';
  c.dataset.cue = cue || '';
}

function onLive(m) {
  if (m.type === 'sample') {
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
    if (m.session !== app.session) { app.session = m.session; refreshStats(); }
    $('live-session').textContent = m.session ? '#' + m.session : 'none';
    if (m.battery !== null && m.battery !== undefined && app.device) app.device.battery = m.battery;
    app.guide.onSample(m);
  } else if (m.type === 'guide') {
    app.guide.show(m.payload);
  } else if (m.type === 'session') {
    refreshStats();
  } else if (m.type === 'status' && app.device) {
    Object.assign(app.device, m.payload || {});
    status(app.device);
  }
}

async function refreshStats() {
  const id = app.deviceId;
  const d = app.devices.find(x => x.id === id);
  const sessionId = app.session || (d && d.openSession);
  if (!sessionId) return;
  try {
    const regions = await get(`/api/sessions/${sessionId}/regions`);
    if (id !== app.deviceId) return;
    map.setStats(regions, app.unit);
    map.fillTable(document.querySelector('#map-table tbody'));
  } catch (e) {
    console.warn('stats', e.message);
  }
}

$('device-select').addEventListener('change', e => selectDevice(e.target.value, true));

async function boot() {
  await app.programs.load();
  const start = location.hash.slice(1);
  if (VIEWS.includes(start)) selectTab(start);
  await loadDevices();
  setInterval(() => loadDevices().catch(e => console.warn(e)), 5000);
  setInterval(() => refreshStats(), 2000);
}
boot().catch(e => { console.error(e); $('status-state').textContent = 'The server cannot be reached. Check that it runs, then reload.'; });

showUser().catch(() => {});
