// Sign-in and sign-up forms.
import { api, rememberSession } from './api.js';
import { h, field, errorBox } from './ui.js';
import { navigate, signedIn, takeFlash } from './app.js';

export const PASSWORD_HINT = 'At least 10 characters, mixing at least two of: lower case, upper case, digits, '
  + 'symbols; not your e-mail address.';

/** The server's rules, checked before sending so mistakes show at once (the server checks again). */
export function passwordProblem(password, email) {
  if (password.length < 10) return 'The password must be at least 10 characters.';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) return 'The password must mix at least two of lower case, upper case, digits and symbols.';
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'The password must not be your e-mail address.';
  }
  return null;
}

function shell(container, title, form, footer) {
  const message = takeFlash();
  container.append(h('div', { class: 'auth-wrap' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '▲'), ' Hard Hats'),
    h('div', { class: 'card' },
      h('h1', {}, title),
      message ? h('div', { class: 'notice', role: 'status' }, message) : null,
      form),
    h('p', { class: 'muted', style: 'text-align:center' }, footer)));
}

export function renderLogin(container) {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h('form', { id: 'login-form', novalidate: true },
    error, field('E-mail', email), field('Password', password), submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    if (!email.value || !password.value) {
      error.show('Enter your e-mail address and password.');
      return;
    }
    await startSession(submit, error, '/api/v1/auth/login',
      { email: email.value.trim(), password: password.value });
  });
  shell(container, 'Sign in', form,
    ['New to Hard Hats? ', h('a', { href: '#/register' }, 'Register your organisation')]);
  email.focus();
}

/** Signs in or registers, then opens the live wall; errors stay on the form. */
async function startSession(submit, error, path, body) {
  submit.disabled = true;
  try {
    const session = await api(path, { method: 'POST', body, quiet401: true });
    rememberSession(session.expires_at);
    await signedIn();
    navigate('#/live');
  } catch (err) {
    error.show(err);
  } finally {
    submit.disabled = false;
  }
}

export function renderRegister(container) {
  const organization = h('input', { type: 'text', name: 'organization_name', autocomplete: 'organization', required: true });
  const fullName = h('input', { type: 'text', name: 'full_name', autocomplete: 'name', required: true });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true });
  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create organisation');
  const form = h('form', { id: 'register-form', novalidate: true }, error,
    field('Organisation name', organization),
    field('Your full name', fullName),
    field('E-mail', email),
    field('Password', password, PASSWORD_HINT),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    if (!organization.value.trim() || !fullName.value.trim() || !email.value.trim()) {
      error.show('Fill in every field.');
      return;
    }
    const problem = passwordProblem(password.value, email.value);
    if (problem) {
      error.show(problem);
      password.focus();
      return;
    }
    await startSession(submit, error, '/api/v1/auth/register', {
      organization_name: organization.value.trim(),
      full_name: fullName.value.trim(),
      email: email.value.trim(),
      password: password.value,
    });
  });
  shell(container, 'Register your organisation', form,
    ['Already registered? ', h('a', { href: '#/login' }, 'Sign in')]);
  organization.focus();
}
