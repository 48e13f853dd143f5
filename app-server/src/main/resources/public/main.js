// Wires the dashboard: device picker and status, live back map and gauge from the device's
// WebSocket, guided view, history. Everything is drawn here from the API; no libraries.
import { get, live } from './api.js';
import { showUser } from './auth.js';
import { BackMap } from './backmap.js';
import { Gauge } from './gauge.js';
import { GuideView } from './guide.js';
import { HistoryView } from './history.js';
import { fmtNum } from './svg.js';

const $ = id => document.getElementById(id);
const BAND_TO_CUE = { BELOW: 'HARDER', IN: 'IN_ZONE', ABOVE: 'LIGHTER' };
const CUE_WORDS = { LIGHTER: 'lighter', IN_ZONE: 'in zone', HARDER: 'harder' };

const app = {
  deviceId: null,
  device: null,
  devices: [],
  unit: '',
  socket: null,
  session: null,
  guideCue: null,
};

const map = new BackMap($('back-map'));
const gauge = new Gauge($('gauge'));
app.guide = new GuideView(app);
app.history = new HistoryView(app);
window.spinetrack = app; // for people poking around in the console

app.onGuide = view => {
  const s = view && view.snapshot;
  app.guideCue = s && s.state === 'RUNNING' && s.block === 'WORK' && s.band ? view.bandCue : null;
  if (s && s.band && s.state === 'RUNNING') gauge.setBand(s.band.low, s.band.high, s.band.unit === 'NEWTON' ? 'N' : 'kPa');
};

function showView(name) {
  for (const b of document.querySelectorAll('nav.tabs button')) b.classList.toggle('active', b.dataset.view === name);
  for (const v of document.querySelectorAll('.view')) v.classList.toggle('active', v.id === 'view-' + name);
  if (name === 'history') app.history.load().catch(e => console.warn(e));
  if (name === 'guide') app.guide.refresh();
}

for (const b of document.querySelectorAll('nav.tabs button')) {
  b.addEventListener('click', () => { history.replaceState(null, '', '#' + b.dataset.view); showView(b.dataset.view); });
}
for (const b of document.querySelectorAll('[data-map]')) {
  b.addEventListener('click', () => {
    for (const o of document.querySelectorAll('[data-map]')) o.classList.toggle('active', o === b);
    map.setMode(b.dataset.map);
  });
}

function status(d) {
  $('status-dot').className = 'dot ' + (d && d.state || '');
  $('status-state').textContent = d ? (d.state || 'unknown').toLowerCase() : 'no device';
  $('status-battery').textContent = d && d.battery !== null && d.battery !== undefined ? `battery ${d.battery} %` : '';
  const signal = d && d.rssi !== null && d.rssi !== undefined ? `signal ${d.rssi} dBm`
    : d && d.lastSeen ? `last heard ${Math.max(0, Math.round((Date.now() - d.lastSeen) / 1000))} s ago` : '';
  $('status-signal').textContent = signal;
  $('device-status').dataset.state = d ? d.state || '' : '';
}

async function loadDevices() {
  app.devices = await get('/api/devices');
  const sel = $('device-select');
  const prev = app.deviceId;
  sel.innerHTML = '';
  for (const d of app.devices) {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = `${d.name || d.id} (${(d.kind || '?').toLowerCase()})`;
    sel.appendChild(o);
  }
  const wanted = new URLSearchParams(location.search).get('device');
  const pick = app.devices.find(d => d.id === prev) || app.devices.find(d => d.id === wanted)
    || app.devices.find(d => d.state === 'ONLINE') || app.devices[0];
  if (pick) {
    sel.value = pick.id;
    if (pick.id !== prev) selectDevice(pick.id);
    app.device = pick;
  }
  status(app.devices.find(d => d.id === app.deviceId));
}

function selectDevice(id) {
  app.deviceId = id;
  app.device = app.devices.find(d => d.id === id) || null;
  app.unit = app.device && app.device.kind === 'RACK' ? 'N' : 'kPa';
  if (app.socket) app.socket.close();
  map.setStats([]);
  map.setFocus(null);
  app.socket = live(`/ws/devices/${id}`, onLive, up => document.body.classList.toggle('offline', !up));
  app.guide.preferForDevice();
  app.guide.showProgram();
  app.guide.refresh();
  refreshStats();
}

let lastFrameAt = 0;
function onLive(m) {
  if (m.type === 'sample') {
    lastFrameAt = performance.now();
    gauge.setBand(m.bandLow, m.bandHigh, m.unit);
    gauge.set(m.pressure);
    app.unit = m.unit;
    map.setFocus(m.contact ? m.region : null);
    const cue = app.guideCue || (m.contact && m.band ? BAND_TO_CUE[m.band] : null);
    const c = $('band-cue');
    c.className = 'cue ' + (cue || 'idle');
    c.textContent = cue ? CUE_WORDS[cue] : m.contact ? '—' : 'no contact';
    c.dataset.cue = cue || '';
    $('live-region').textContent = m.region ? m.region.replace(/_/g, ' ').toLowerCase() : '—';
    $('live-tilt').textContent = `pitch ${fmtNum(m.pitch, 0)}°, roll ${fmtNum(m.roll, 0)}°`;
    if (m.session !== app.session) { app.session = m.session; refreshStats(); }
    $('live-session').textContent = m.session ? '#' + m.session : 'none';
    if (m.battery !== null && m.battery !== undefined && app.device) { app.device.battery = m.battery; status(app.device); }
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
  const d = app.devices.find(x => x.id === app.deviceId);
  const sessionId = app.session || (d && d.openSession);
  if (!sessionId) return;
  try {
    const regions = await get(`/api/sessions/${sessionId}/regions`);
    map.setStats(regions);
  } catch (e) {
    console.warn('stats', e.message);
  }
}

$('device-select').addEventListener('change', e => selectDevice(e.target.value));

async function boot() {
  await app.guide.loadPrograms();
  await loadDevices();
  setInterval(() => loadDevices().catch(e => console.warn(e)), 5000);
  setInterval(() => refreshStats(), 2000);
  const start = location.hash.slice(1);
  if (['live', 'guide', 'history'].includes(start)) showView(start);
}
boot().catch(e => { console.error(e); $('status-state').textContent = 'server unreachable'; });

showUser().catch(() => {});
