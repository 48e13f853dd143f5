// REST and WebSocket access as the logged-in user (session cookie). State-changing requests
// carry the CSRF token; a 401 sends the page to the login form (auth.js).
import { csrfHeaders, toLogin } from './auth.js';

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
  return handle(await fetch(path, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body, contentType = 'application/json') {
  return handle(await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json', ...(await csrfHeaders()) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

/** Opens a WebSocket that reconnects; onMessage gets parsed JSON. Returns {close()}. */
export function live(path, onMessage, onState = () => {}) {
  let ws = null;
  let closed = false;
  let retry = 500;
  const open = () => {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
    ws = new WebSocket(url);
    ws.onopen = () => { retry = 500; onState(true); };
    ws.onmessage = ev => { try { onMessage(JSON.parse(ev.data)); } catch (e) { console.warn('bad live message', e); } };
    ws.onclose = () => {
      onState(false);
      if (!closed) setTimeout(open, retry = Math.min(retry * 2, 8000));
    };
  };
  open();
  return { close() { closed = true; if (ws) ws.close(); } };
}

/** PUT or DELETE (or any method) with an optional JSON body. */
export async function send(method, path, body) {
  return handle(await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(await csrfHeaders()) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
}
