// Settings: the organisation (admins edit, managers read) and everyone's own password.
import { get, put, api } from './api.js';
import { state, role, loadStorage } from './state.js';
import { h, field, checkboxField, errorBox, toast } from './ui.js';
import { PASSWORD_HINT, passwordProblem } from './auth.js';

export async function render(container) {
  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Settings')));
  if (role() === 'admin' || role() === 'manager') {
    const org = await get('/api/v1/organization');
    container.append(organization(org), privacy(org), await storage());
  }
  container.append(changePassword());
  return null;
}

function organization(org) {
  const section = h('section', { class: 'card', id: 'organization-settings' }, h('h2', {}, 'Organisation'));
  const facts = h('p', { class: 'hint' }, `Plan: ${org.plan} · up to ${org.max_cameras} cameras and ${org.max_users} users`);
  if (role() !== 'admin') {
    section.append(h('p', {}, h('strong', {}, org.name)), facts,
      h('p', { class: 'hint' }, `Events, their pictures and clips are kept for ${org.retention_days} days.`));
    return section;
  }
  const name = h('input', { type: 'text', name: 'organization_name', required: true, maxlength: '200', value: org.name });
  const retention = h('input', { type: 'number', name: 'retention_days', required: true, min: '1', step: '1',
    value: String(org.retention_days) });
  const error = errorBox();
  const form = h('form', { id: 'organization-form', novalidate: true }, error,
    h('div', { class: 'form-grid' }, field('Organisation name', name),
      field('Keep events for (days)', retention, 'Older events, their pictures and clips are deleted every night; daily statistics stay.')),
    facts, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    try {
      const saved = await put('/api/v1/organization', {
        name: name.value.trim(), retention_days: Number(retention.value),
      });
      if (state.me && state.me.organization) state.me.organization.name = saved.name;
      toast('Organisation saved');
    } catch (err) {
      error.show(err);
    }
  });
  section.append(form);
  return section;
}

// Privacy mode (admins switch it, managers read it). Turning it off shows a warning and needs
// an explicit "I understand", which the API asks for too.
function privacy(org) {
  const section = h('section', { class: 'card', id: 'privacy-settings' }, h('h2', {}, 'Privacy'));
  const explain = h('p', { class: 'hint' }, 'In privacy mode, heads are blurred in live video, snapshots, '
    + 'violation pictures and clips before they leave the worker; clips are then made from the analysed frames.');
  if (role() !== 'admin') {
    section.append(h('p', { id: 'privacy-state' }, `Privacy mode is ${org.privacy_mode ? 'on' : 'off'}.`), explain);
    return section;
  }
  let saved = org.privacy_mode;
  const toggle = h('input', { type: 'checkbox', name: 'privacy_mode', checked: saved });
  const confirm = h('input', { type: 'checkbox', name: 'confirm_privacy_off' });
  const warning = h('div', { class: 'notice', id: 'privacy-warning', hidden: true },
    h('p', {}, h('strong', {}, 'Faces will be visible and stored. '),
      'With privacy mode off, live video, snapshots, violation pictures and clips show everyone on your sites '
      + 'as the camera sees them. Make sure the people filmed, and your works council where you have one, agree.'),
    checkboxField('I understand: turn privacy mode off', confirm));
  toggle.addEventListener('change', () => {
    warning.hidden = toggle.checked || !saved;
  });
  const error = errorBox();
  const form = h('form', { id: 'privacy-form', novalidate: true }, error,
    checkboxField('Privacy mode: blur heads', toggle), explain, warning,
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Save privacy'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    const body = { privacy_mode: toggle.checked };
    if (saved && !toggle.checked) {
      if (!confirm.checked) {
        error.show('Tick "I understand" to turn privacy mode off.');
        return;
      }
      body.confirm_privacy_off = true;
    }
    try {
      saved = (await put('/api/v1/organization', body)).privacy_mode;
      warning.hidden = true;
      confirm.checked = false;
      toast(saved ? 'Privacy mode is on' : 'Privacy mode is off');
    } catch (err) {
      error.show(err);
    }
  });
  section.append(form);
  return section;
}

const STORAGE_KINDS = [['clips', 'Clips'], ['frames', 'Frames'], ['thumbnails', 'Thumbnails']];

/** Bytes in the largest unit that keeps the number at or above 1 (1 KB = 1024 bytes). */
function formatBytes(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

async function storage() {
  const used = await loadStorage();
  const rows = STORAGE_KINDS.filter(([kind]) => kind in used.bytes)
    .map(([kind, label]) => h('tr', { 'data-kind': kind }, h('th', { scope: 'row' }, label),
      h('td', {}, formatBytes(used.bytes[kind]))));
  const section = h('section', { class: 'card', id: 'storage-settings' }, h('h2', {}, 'Storage'),
    h('table', { class: 'table storage-table' }, h('tbody', {}, ...rows,
      h('tr', { 'data-kind': 'total' }, h('th', { scope: 'row' }, 'All stored (placeholder videos too)'),
        h('td', {}, `${formatBytes(used.total_bytes)} of ${formatBytes(used.limit_bytes)}`)),
      h('tr', { 'data-kind': 'events' }, h('th', { scope: 'row' }, 'Events'),
        h('td', {}, used.events.toLocaleString())))));
  if (used.limit_reached) {
    section.append(h('p', { class: 'notice', role: 'status' },
      'The plan\'s storage limit is reached: new violations are recorded without clips.'));
  }
  return section;
}

function changePassword() {
  const current = h('input', { type: 'password', name: 'current_password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', name: 'new_password', autocomplete: 'new-password', required: true });
  const again = h('input', { type: 'password', name: 'new_password_again', autocomplete: 'new-password', required: true });
  const error = errorBox();
  const form = h('form', { id: 'password-form', novalidate: true }, error,
    h('div', { class: 'form-grid' }, field('Current password', current), field('New password', next, PASSWORD_HINT),
      field('New password again', again)),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Change password'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    if (next.value !== again.value) {
      error.show('The new passwords differ.');
      return;
    }
    const problem = passwordProblem(next.value, state.me && state.me.email);
    if (problem) {
      error.show(problem);
      return;
    }
    try {
      await api('/api/v1/auth/change-password', {
        method: 'POST', body: { current_password: current.value, new_password: next.value }, quiet401: true,
      });
      form.reset();
      toast('Password changed');
    } catch (err) {
      error.show(err);
    }
  });
  return h('section', { class: 'card' }, h('h2', {}, 'Change your password'), form);
}
