// REST and WebSocket access. Every request names the user (X-SpineTrack-User) when one is set
// with ?user=... in the page address; otherwise the server's default user applies.
const user = new URLSearchParams(location.search).get('user');

function headers(extra = {}) {
  return user ? { 'X-SpineTrack-User': user, ...extra } : extra;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.message || body.error)) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

async function handle(res) {
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export async function get(path) {
  return handle(await fetch(path, { headers: headers({ Accept: 'application/json' }) }));
}

export async function post(path, body, contentType = 'application/json') {
  return handle(await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': contentType, Accept: 'application/json' }),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  }));
}

/** Opens a WebSocket that reconnects; onMessage gets parsed JSON. Returns {close()}. */
export function live(path, onMessage, onState = () => {}) {
  let ws = null;
  let closed = false;
  let retry = 500;
  const open = () => {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path
      + (user ? (path.includes('?') ? '&' : '?') + 'user=' + encodeURIComponent(user) : '');
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
