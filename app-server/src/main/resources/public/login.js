// Shows the failure notice and keeps ?next= so the user lands where they were going.
import { $, login, safeNext } from './shared.js';

const params = new URLSearchParams(location.search);
if (params.has('failed')) $('login-error').hidden = false;
if (params.has('locked')) showLocked(Number(params.get('locked')));

function showLocked(seconds) {
  const notice = $('login-error');
  notice.textContent = `Too many failed logins. Try again in ${seconds} s.`;
  notice.hidden = false;
}

const form = $('login-form');
form.addEventListener('submit', async ev => {
  ev.preventDefault();
  const result = await login(form.username.value, form.password.value);
  if (result.ok) {
    location.href = safeNext(params.get('next'));
  } else if (result.retryAfter) {
    showLocked(result.retryAfter);
  } else {
    $('login-error').textContent = 'Wrong user or password.';
    $('login-error').hidden = false;
  }
});
