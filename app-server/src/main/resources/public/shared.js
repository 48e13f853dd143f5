// What every page shares: the login (CSRF token, a 401 sends to the login form), REST and
// reconnecting WebSockets as the logged-in user, the region catalog (read once from
// GET /api/regions), and the words, units and number formats people see. One place, so every
// view says the same thing the same way.

export const $ = id => document.getElementById(id);
export const DAY = 86400000;

// ---- The login ---------------------------------------------------------------------------

let current = null;

export function toLogin() {
  const back = location.pathname + location.search + location.hash;
  location.href = '/login.html' + (back && back !== '/' ? '?next=' + encodeURIComponent(back) : '');
}

/** Where to go after logging in: only a path on this server, never another site. */
export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Logs in: {ok, retryAfter}; ok when the server took the user and password (it sets the session cookie). */
export async function login(username, password) {
  const res = await counted('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
    credentials: 'same-origin',
  });
  // a refused login says how long to wait when repeated failures locked it (429 Retry-After)
  return { ok: res.ok, retryAfter: res.status === 429 ? Number(res.headers.get('Retry-After')) : null };
}

/** {user, role, csrf} of the login; goes to the login page when there is none. */
export async function me() {
  if (current) return current;
  const res = await counted('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) { toLogin(); throw new Error('not logged in'); }
  current = await res.json();
  return current;
}

/** Headers a state-changing request needs. */
export async function csrfHeaders() {
  const m = await me();
  return m.csrf ? { 'X-CSRF-Token': m.csrf } : {};
}

export async function logout() {
  await counted('/api/auth/logout', { method: 'POST', headers: await csrfHeaders(), credentials: 'same-origin' });
  current = null;
  location.href = '/login.html';
}

/** Shows "user · Log out" in the element with id user-box, if the page has one. */
export async function showUser() {
  const box = $('user-box');
  if (!box) return;
  const m = await me();
  box.textContent = '';
  const name = document.createElement('span');
  name.className = 'user-name';
  name.textContent = m.user;
  const out = document.createElement('button');
  out.type = 'button';
  out.className = 'logout';
  out.textContent = 'Log out';
  out.addEventListener('click', () => logout());
  box.append(name, ' ', out);
}

// ---- REST and live streams -----------------------------------------------------------------

/**
 * Requests this page made, by method and path: the pages keep up to date from their
 * WebSockets, so this stays small (browser tests read it to prove there is no polling).
 */
export const traffic = {
  byPath: {},
  total: 0,
  reset() { this.byPath = {}; this.total = 0; },
};

function counted(path, init) {
  const key = `${(init && init.method) || 'GET'} ${path.split('?')[0]}`;
  traffic.byPath[key] = (traffic.byPath[key] || 0) + 1;
  traffic.total++;
  return fetch(path, init);
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.message || body.error)) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

async function handle(res) {
  if (res.status === 401) { toLogin(); throw new ApiError(401, null); }
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export async function get(path) {
  return handle(await counted(path, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body, contentType = 'application/json') {
  return handle(await counted(path, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json', ...(await csrfHeaders()) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

/** PUT or DELETE (or any method) with an optional JSON body. */
export async function send(method, path, body) {
  return handle(await counted(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(await csrfHeaders()) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}

/** Close codes after which a stream is not opened again: the user may not see it (any more). */
const GONE = new Set([4403, 4404]);

/**
 * Opens a WebSocket that reconnects with backoff (0.5 s doubling to 8 s); onMessage gets
 * parsed JSON. onState(up, {again, code}): again is true on every open after the first (the
 * page then fetches what it may have missed, once); code is the close code when down. Returns
 * {close()}.
 */
export function live(path, onMessage, onState = () => {}) {
  let ws = null;
  let closed = false;
  let retry = 500;
  let opens = 0;
  const open = () => {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
    ws = new WebSocket(url);
    ws.onopen = () => { retry = 500; onState(true, { again: opens++ > 0 }); };
    ws.onmessage = ev => { try { onMessage(JSON.parse(ev.data)); } catch (e) { console.warn('bad live message', e); } };
    ws.onclose = ev => {
      onState(false, { code: ev.code });
      if (!closed && !GONE.has(ev.code)) setTimeout(open, retry = Math.min(retry * 2, 8000));
    };
  };
  open();
  return { close() { closed = true; if (ws) ws.close(); } };
}

// ---- The region catalog -------------------------------------------------------------------

let catalog = null;   // promise of the regions, fetched once per page
let regionList = [];  // [{id, label, segment, side, segmentLabel, levels}], neck down, left before right

/** Reads the region catalog from the server, once; later calls get the same answer. */
export function loadCatalog() {
  if (!catalog) {
    catalog = get('/api/regions').then(list => { regionList = list; return list; },
      e => { catalog = null; throw e; });
  }
  return catalog;
}

/** The catalog's regions (empty before loadCatalog() resolved). */
export function regions() {
  return regionList;
}

/** Spinal segments from the neck down: [{id, label, levels, span: "C7–T1", left, right}]. */
export function segments() {
  const out = [];
  for (const r of regionList) {
    let s = out.find(x => x.id === r.segment);
    if (!s) {
      const lv = r.levels || [];
      s = { id: r.segment, label: r.segmentLabel || r.segment, levels: lv,
        span: lv.length > 1 ? `${lv[0]}–${lv[lv.length - 1]}` : lv[0] || r.segment };
      out.push(s);
    }
    s[String(r.side).toLowerCase()] = r.id;
  }
  return out;
}

/** "MID_THORACIC_LEFT" -> "Mid thoracic, left" (the catalog's label); unknown ids are made readable. */
export function regionLabel(id) {
  if (!id) return '—';
  const known = regionList.find(r => r.id === id);
  if (known) return known.label;
  const m = /^(.*)_(LEFT|RIGHT)$/.exec(id);
  const seg = m ? m[1] : id;
  const words = seg.charAt(0) + seg.slice(1).toLowerCase().replace(/_/g, ' ');
  return m ? `${words}, ${m[2].toLowerCase()}` : words;
}

/** "MID_THORACIC_LEFT" -> "mid thoracic left", for sentences. */
export function regionWords(id) {
  return regionLabel(id).replace(',', '').toLowerCase();
}

// ---- Words and units ----------------------------------------------------------------------

/** Cues as shown and said. */
export const CUE_WORDS = { LIGHTER: 'Lighter', IN_ZONE: 'In zone', HARDER: 'Harder', NO_CONTACT: 'Place the ball',
  HOLD: 'Hold', MOVE_ON: 'Move on' };
/** A live frame's place against the band -> the cue. */
export const BAND_TO_CUE = { BELOW: 'HARDER', IN: 'IN_ZONE', ABOVE: 'LIGHTER' };

const UNITS = { KILOPASCAL: 'kPa', NEWTON: 'N', kPa: 'kPa', N: 'N' };

/** A unit as the API names it (KILOPASCAL, NEWTON, or already a symbol) -> its symbol. */
export function unitSymbol(unit) {
  return UNITS[unit] || unit || '';
}

/** The pressure unit of a device kind: a rack weighs in newtons, a ball in kilopascals. */
export function unitOfKind(kind) {
  return kind === 'RACK' ? 'N' : 'kPa';
}

/** A device's name for people: its advertised name, else its kind and the end of its id. */
export function deviceName(d) {
  if (!d) return 'the device';
  if (d.name) return d.name;
  const kind = d.kind ? d.kind.charAt(0) + d.kind.slice(1).toLowerCase() : 'Device';
  return `${kind} …${String(d.id).slice(-4)}`;
}

/** What a device's state means and what to do about it. */
export function deviceStateText(d) {
  const name = deviceName(d);
  switch (d && d.state) {
    case 'ONLINE': return { short: 'connected', help: '' };
    case 'OFFLINE': return { short: 'switched off',
      help: `${name} is switched off or was disconnected. Switch it on and keep it near the gateway; it reconnects by itself.` };
    case 'LOST': return { short: 'connection lost',
      help: `The gateway lost the connection to ${name} (out of range or battery empty). Bring it closer or charge it; it reconnects by itself.` };
    default: return { short: 'not heard from yet', help: `${name} has not sent anything yet. Switch it on near the gateway.` };
  }
}

/** Replaces device ids in a server message with the devices' names. */
export function humanize(message, devices) {
  let m = String(message || '');
  for (const d of devices || []) {
    if (d.id && m.includes(d.id)) m = m.split(d.id).join(deviceName(d));
  }
  return m.replace(/^device /, 'The device ');
}

// ---- Numbers, durations, dates ------------------------------------------------------------

export function fmtNum(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(digits);
}

export function fmtDuration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '--:--';
  const s = Math.floor(ms / 1000);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

export function fmtDate(ms, withTime = true) {
  const opts = withTime ? { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { weekday: 'short', month: 'short', day: 'numeric' };
  return new Date(ms).toLocaleString('en-GB', opts);
}

/** How long ago a time was, in words: "12 s ago", "4 min ago", "2 h ago". */
export function ago(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 90 ? `${s} s ago` : s < 5400 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
}

/** Local calendar day of a time, as "YYYY-MM-DD". */
export function dayKey(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
