// The audit trail (admins only): who did what and when, filtered by person, action and days,
// newest first with "Load more" as on Events, and the filtered trail as CSV.
import { get } from './api.js';
import { h, field, select, errorBox, formatTime, dayRange } from './ui.js';
import { exportOnClick } from './csv.js';
import { keysetList } from './keyset-list.js';

const PAGE_SIZE = 50;

// Actions in words; an action not listed here shows as its name.
const ACTION_LABELS = {
  register: 'Registered the organisation',
  login: 'Signed in',
  login_failed: 'Failed to sign in',
  logout: 'Signed out',
  password_change: 'Changed their password',
  user_create: 'Added a user',
  user_update: 'Changed a user',
  user_deactivate: 'Deactivated a user',
  organization_update: 'Changed the organisation settings',
  privacy_mode_on: 'Turned privacy mode on',
  privacy_mode_off: 'Turned privacy mode off',
  camera_create: 'Added a camera',
  camera_update: 'Changed a camera',
  camera_delete: 'Deleted a camera',
  camera_test: 'Tested a camera connection',
  camera_placeholder_upload: 'Uploaded a placeholder video',
  event_acknowledge: 'Acknowledged a violation',
  event_delete: 'Deleted a violation',
};

function actionLabel(action) {
  return ACTION_LABELS[action] || action.replace(/_/g, ' ');
}

function describeDetails(details) {
  return Object.entries(details || {}).map(([key, value]) => `${key.replace(/_/g, ' ')}: ${value}`).join(', ');
}

export async function render(container) {
  const [users, actions] = await Promise.all([get('/api/v1/users'), get('/api/v1/audit-logs/actions')]);
  const people = new Map(users.map((u) => [u.id, u]));
  const who = (id) => {
    if (!id) return 'The system';
    const user = people.get(id);
    return user ? `${user.full_name} (${user.email})` : 'A removed user';
  };

  const userSelect = select([['', 'Everyone'], ...users.map((u) => [u.id, u.full_name])], '', { name: 'user_id' });
  const actionSelect = select([['', 'All actions'], ...actions.map((a) => [a, actionLabel(a)])], '', { name: 'action' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const apply = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply filters');
  const filters = h('form', { class: 'filters card', id: 'audit-filters', 'aria-label': 'Filter the audit trail' },
    field('Who', userSelect), field('Action', actionSelect),
    field('From (date)', from), field('To (date, inclusive)', to), h('div', { class: 'field' }, apply));
  const error = errorBox();
  const exportButton = h('button', { type: 'button', class: 'btn', id: 'audit-export-csv' }, 'Export CSV');
  const more = h('button', { type: 'button', class: 'btn', id: 'audit-load-more', hidden: true }, 'Load more');
  const count = h('span', { class: 'muted', id: 'audit-count', 'aria-live': 'polite' });
  const tbody = h('tbody', { id: 'audit-body' });
  const columns = ['When', 'Who', 'What', 'Details', 'From address'];
  const table = h('table', { id: 'audit-table', class: 'stacks-on-phone' },
    h('caption', { class: 'muted', style: 'text-align:left;padding:.4rem 0' }, 'Who did what, newest first'),
    h('thead', {}, h('tr', {}, columns.map((title) => h('th', { scope: 'col' }, title)))),
    tbody);
  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Audit trail'),
    h('div', { class: 'btn-row' }, exportButton)), filters, error,
  h('div', { class: 'card' }, h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'btn-row', style: 'margin-top:.6rem' }, more, count)));

  function currentQuery() {
    return { user_id: userSelect.value, action: actionSelect.value, ...dayRange(from.value, to.value) };
  }

  function row(entry) {
    const cells = [
      h('td', {}, h('time', { datetime: entry.created_at }, formatTime(entry.created_at))),
      h('td', {}, who(entry.user_id)),
      h('td', { class: 'audit-action', 'data-action': entry.action }, actionLabel(entry.action)),
      h('td', { class: 'audit-details' }, describeDetails(entry.details)),
      h('td', {}, entry.ip_address || '')];
    // A phone shows each row as a card, each value under its column's name.
    cells.forEach((cell, i) => { cell.dataset.label = columns[i]; });
    return h('tr', { 'data-audit-id': entry.id }, cells);
  }

  const load = keysetList({
    path: '/api/v1/audit-logs', pageSize: PAGE_SIZE, tbody, more, count, error, query: currentQuery, row,
    empty: 'Nothing matches these filters.',
  });

  exportOnClick(exportButton, error, 'entries', () => ({
    path: '/api/v1/audit-logs',
    query: currentQuery(),
    header: ['id', 'created_at', 'user_id', 'user', 'action', 'resource_type', 'resource_id', 'details', 'ip_address'],
    row: (e) => [e.id, e.created_at, e.user_id || '', who(e.user_id), e.action, e.resource_type,
      e.resource_id || '', JSON.stringify(e.details || {}), e.ip_address || ''],
    name: `audit-trail-${new Date().toISOString().slice(0, 10)}.csv`,
  }));

  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    load(true);
  });
  await load(true);
  return null;
}
