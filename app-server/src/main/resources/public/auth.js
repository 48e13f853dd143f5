// Who is logged in, the CSRF token their state-changing requests echo, and logout.
// A 401 from the API means the login ended (or never happened): go to the login page.

let current = null;

export function toLogin() {
  const back = location.pathname + location.search + location.hash;
  location.href = '/login.html' + (back && back !== '/' ? '?next=' + encodeURIComponent(back) : '');
}

/** {user, role, csrf} of the login; goes to the login page when there is none. */
export async function me() {
  if (current) return current;
  const res = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
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
  await fetch('/api/auth/logout', { method: 'POST', headers: await csrfHeaders(), credentials: 'same-origin' });
  current = null;
  location.href = '/login.html';
}

/** Shows "user · Log out" in the element with id user-box, if the page has one. */
export async function showUser() {
  const box = document.getElementById('user-box');
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
