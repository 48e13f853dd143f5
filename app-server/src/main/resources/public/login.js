// Shows the failure notice and keeps ?next= so the user lands where they were going.
import { $, login, safeNext } from './shared.js';

const params = new URLSearchParams(location.search);
if (params.has('failed')) $('login-error').hidden = false;

const form = $('login-form');
form.addEventListener('submit', async ev => {
  ev.preventDefault();
  if (await login(form.username.value, form.password.value)) {
    location.href = safeNext(params.get('next'));
  } else {
    $('login-error').hidden = false;
  }
});
