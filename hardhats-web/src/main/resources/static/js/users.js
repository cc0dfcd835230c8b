// Users of the organisation (admins only): list, create with a role, change role, deactivate.
import { get, post, put, del } from './api.js';
import { state } from './state.js';
import { h, field, select, errorBox, toast, formatTime } from './ui.js';
import { PASSWORD_HINT, passwordProblem } from './auth.js';

const ROLES = [['operator', 'Operator'], ['manager', 'Manager'], ['admin', 'Admin']];

export async function render(container) {
  const error = errorBox();
  const tbody = h('tbody', {});
  const table = h('table', { id: 'users-table' }, h('thead', {}, h('tr', {},
    ['Name', 'E-mail', 'Role', 'Status', 'Last sign-in', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))), tbody);

  async function refresh() {
    const users = await get('/api/v1/users');
    tbody.replaceChildren(...users.map(row));
  }

  function row(user) {
    const self = user.id === state.me.id;
    const role = select(ROLES, user.role, { 'aria-label': `Role of ${user.full_name}`, class: 'user-role' });
    role.addEventListener('change', async () => {
      error.clear();
      try {
        await put(`/api/v1/users/${user.id}`, { role: role.value });
        toast(`${user.full_name} is now ${role.value}`);
      } catch (e) {
        role.value = user.role;
        error.show(e);
      }
    });
    const buttons = h('div', { class: 'btn-row' });
    const actions = h('td', {}, buttons);
    if (!self) {
      if (user.is_active) {
        const deactivate = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, 'Deactivate');
        deactivate.addEventListener('click', async () => {
          if (!confirm(`Deactivate ${user.full_name}? They can no longer sign in.`)) return;
          try {
            await del(`/api/v1/users/${user.id}`);
            await refresh();
          } catch (e) {
            error.show(e);
          }
        });
        buttons.append(deactivate);
      } else {
        const reactivate = h('button', { type: 'button', class: 'btn btn-small' }, 'Reactivate');
        reactivate.addEventListener('click', async () => {
          try {
            await put(`/api/v1/users/${user.id}`, { is_active: true });
            await refresh();
          } catch (e) {
            error.show(e);
          }
        });
        buttons.append(reactivate);
      }
    }
    return h('tr', { 'data-user-id': user.id },
      h('td', {}, user.full_name, self ? h('span', { class: 'hint' }, ' (you)') : null),
      h('td', {}, user.email),
      h('td', {}, role),
      h('td', {}, user.is_active ? 'active' : 'deactivated'),
      h('td', {}, formatTime(user.last_login)),
      actions);
  }

  const email = h('input', { type: 'email', name: 'email', autocomplete: 'off', required: true });
  const fullName = h('input', { type: 'text', name: 'full_name', autocomplete: 'off', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true });
  const newRole = select(ROLES, 'operator', { name: 'role' });
  const createError = errorBox();
  const create = h('form', { id: 'user-form', novalidate: true }, createError,
    h('div', { class: 'form-grid' }, field('Full name', fullName), field('E-mail', email),
      field('Initial password', password, PASSWORD_HINT), field('Role', newRole)),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Add user'));
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    createError.clear();
    const problem = passwordProblem(password.value, email.value);
    if (!email.value.trim() || !fullName.value.trim()) {
      createError.show('Enter a name and an e-mail address.');
      return;
    }
    if (problem) {
      createError.show(problem);
      return;
    }
    try {
      await post('/api/v1/users', { email: email.value.trim(), full_name: fullName.value.trim(),
        password: password.value, role: newRole.value });
      toast(`Added ${fullName.value.trim()}`);
      create.reset();
      await refresh();
    } catch (err) {
      createError.show(err);
    }
  });

  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Users')), error,
    h('div', { class: 'card table-wrap' }, table),
    h('section', { class: 'card' }, h('h2', {}, 'Add a user'), create));
  await refresh();
  return null;
}
