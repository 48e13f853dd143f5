// Shows the failure notice and keeps ?next= so the user lands where they were going.
const params = new URLSearchParams(location.search);
if (params.has('failed')) document.getElementById('login-error').hidden = false;

const form = document.getElementById('login-form');
form.addEventListener('submit', async ev => {
  ev.preventDefault();
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: form.username.value, password: form.password.value }),
    credentials: 'same-origin',
  });
  if (res.ok) {
    const next = params.get('next');
    // only a path on this server, never another site
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  } else {
    document.getElementById('login-error').hidden = false;
  }
});
