// Notifications: where the organisation's alerts go (admins manage channels; managers read them
// and the delivery log). Targets are write-only: the page shows what the server masks, and an
// empty target field on edit keeps the stored one.
import { get, post, patch, del } from './api.js';
import { state, isAdmin } from './state.js';
import { h, field, checkboxField, select, errorBox, toast, formatTime, VIOLATION_TYPES, violationLabel, uid } from './ui.js';
import { keysetList } from './keyset-list.js';

const PAGE_SIZE = 50;
const KINDS = [['email', 'E-mail'], ['slack', 'Slack'], ['teams', 'Microsoft Teams'], ['webhook', 'Webhook']];
const KIND_LABELS = Object.fromEntries(KINDS);
const TARGETS = {
  email: { label: 'Recipients', placeholder: 'safety@site.example, lead@site.example',
    hint: 'E-mail addresses, separated by commas.' },
  slack: { label: 'Slack webhook URL', placeholder: 'https://hooks.slack.com/services/…',
    hint: 'Slack: Apps → Incoming Webhooks → Add New Webhook to Workspace.' },
  teams: { label: 'Teams webhook URL', placeholder: 'https://…/workflows/…',
    hint: 'Teams: a Workflows "When a Teams webhook request is received" URL, or an incoming webhook.' },
  webhook: { label: 'Webhook URL', placeholder: 'https://alerts.example/hardhats',
    hint: 'Receives JSON signed with HMAC-SHA256 (the secret is shown once, after saving).' },
};
const SEVERITIES = [['low', 'Low'], ['medium', 'Medium'], ['high', 'High'], ['critical', 'Critical']];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const STORM_DEFAULT = { max_alerts: 5, window_seconds: 120 };
const PURPOSES = { alert: 'Alert', summary: 'Storm summary', test: 'Test' };
const STATUSES = [['', 'Any status'], ['pending', 'Pending'], ['retrying', 'Retrying'], ['delivered', 'Delivered'],
  ['failed', 'Failed'], ['held', 'Held for a summary']];

export async function render(container) {
  const admin = isAdmin();
  const error = errorBox();
  const emailOff = h('p', { class: 'notice', id: 'email-not-configured', role: 'status', hidden: true },
    'E-mail is not configured on this server: e-mail channels and daily digests need the SMTP settings ',
    '(SMTP_HOST and the others, see the README).');
  const secretBox = h('div', { class: 'notice', id: 'signing-secret', role: 'status', hidden: true });
  const tbody = h('tbody', { id: 'channels-body' });
  const emptyChannels = h('p', { class: 'muted', id: 'channels-empty', hidden: true },
    admin ? 'No channel yet: add one below, and alerts reach people who are not watching the dashboard.'
      : 'No channel yet: an admin adds them.');
  const table = h('table', { id: 'channels-table' },
    h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Sends to', 'Filters', 'Storm control', 'Last delivery', 'State',
      admin ? 'Actions' : null].filter(Boolean).map((title) => h('th', { scope: 'col' }, title)))),
    tbody);
  const channelsCard = h('section', { class: 'card' }, h('h2', {}, 'Channels'), h('div', { class: 'table-wrap' }, table),
    emptyChannels);

  let channels = [];
  let emailConfigured = false;
  const form = admin ? channelForm(onSaved) : null;
  const log = deliveryLog();

  container.append(...[h('div', { class: 'page-head' }, h('h1', {}, 'Notifications')), error, emailOff, secretBox,
    channelsCard, form ? form.section : null, log.section].filter(Boolean));

  async function refresh() {
    const answer = await get('/api/v1/notification-channels');
    channels = answer.channels;
    emailConfigured = answer.email_configured;
    emailOff.hidden = emailConfigured;
    tbody.replaceChildren(...channels.map(row));
    emptyChannels.hidden = channels.length > 0;
    if (form) form.setEmailConfigured(emailConfigured);
    log.setChannels(channels);
  }

  function row(channel) {
    const cells = [
      h('td', {}, channel.name),
      h('td', {}, KIND_LABELS[channel.kind] || channel.kind),
      h('td', { class: 'channel-target' }, h('code', {}, channel.target_masked || '')),
      h('td', {}, describeFilters(channel.filters)),
      h('td', {}, describeStorm(channel.storm)),
      h('td', {}, channel.last_delivery
        ? [statusBadge(channel.last_delivery.status), ' ', formatTime(channel.last_delivery.at)] : 'never'),
      h('td', {}, channel.enabled ? 'enabled' : 'disabled'),
    ];
    if (admin) cells.push(h('td', {}, actions(channel)));
    return h('tr', { 'data-channel-id': channel.id }, cells);
  }

  function actions(channel) {
    const test = h('button', { type: 'button', class: 'btn btn-small channel-test' }, 'Send test');
    test.addEventListener('click', () => act(async () => {
      await post(`/api/v1/notification-channels/${channel.id}/test`);
      toast(`A test message is on its way to ${channel.name}`);
      await log.load(true);
    }));
    const edit = h('button', { type: 'button', class: 'btn btn-small channel-edit' }, 'Edit');
    edit.addEventListener('click', () => form.edit(channel));
    const toggle = h('button', { type: 'button', class: 'btn btn-small channel-toggle' },
      channel.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', () => act(async () => {
      await patch(`/api/v1/notification-channels/${channel.id}`, { enabled: !channel.enabled });
      await refresh();
    }));
    const remove = h('button', { type: 'button', class: 'btn btn-small btn-danger channel-delete' }, 'Delete');
    remove.addEventListener('click', () => act(async () => {
      if (!confirm(`Delete the channel ${channel.name}? Its delivery log goes with it.`)) return;
      await del(`/api/v1/notification-channels/${channel.id}`);
      await refresh();
      await log.load(true);
    }));
    return h('div', { class: 'btn-row' }, test, edit, toggle, remove);
  }

  async function act(work) {
    error.clear();
    try {
      await work();
    } catch (e) {
      error.show(e);
    }
  }

  async function onSaved(saved) {
    secretBox.hidden = true;
    if (saved.signing_secret) showSecret(secretBox, saved);
    await refresh();
  }

  try {
    await refresh();
  } catch (e) {
    if (e.status === 401) throw e;
    error.show(`Notification channels could not be loaded. ${e.detail}`);
    for (const part of [channelsCard, form && form.section, log.section]) if (part) part.remove();
    return null;
  }
  await log.load(true);
  return null;
}

/** The webhook's signing secret, once: the server never shows it again. */
function showSecret(box, channel) {
  const value = h('code', { id: 'signing-secret-value' }, channel.signing_secret);
  const copy = h('button', { type: 'button', class: 'btn btn-small' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(channel.signing_secret);
      toast('Secret copied');
    } catch (_) {
      toast('Select the secret and copy it by hand', 'error');
    }
  });
  const done = h('button', { type: 'button', class: 'btn btn-small' }, 'I have stored it');
  done.addEventListener('click', () => { box.hidden = true; box.replaceChildren(); });
  box.replaceChildren(h('p', {}, h('strong', {}, `Signing secret of ${channel.name}. `),
    'Copy it now into the receiver, which checks each request\'s signature with it: it is shown only this once.'),
  h('p', {}, value, ' ', copy, ' ', done));
  box.hidden = false;
}

function describeFilters(filters) {
  if (!filters) return 'everything';
  const parts = [];
  const cameras = filters.camera_ids;
  parts.push(cameras && cameras.length ? cameras.map((id) => state.cameras.get(id)?.name || 'a removed camera').join(', ')
    : 'all cameras');
  parts.push(filters.violation_types && filters.violation_types.length
    ? filters.violation_types.map(violationLabel).join(', ') : 'all types');
  if (filters.min_severity && filters.min_severity !== 'low') parts.push(`${filters.min_severity} and above`);
  const hours = filters.active_hours;
  if (hours) parts.push(`${(hours.days || []).map((d) => DAYS[d - 1]).join(' ')} ${hours.from}–${hours.to}`);
  return parts.join(' · ');
}

function describeStorm(storm) {
  const s = storm || STORM_DEFAULT;
  const window = s.window_seconds % 60 === 0 ? `${s.window_seconds / 60} min` : `${s.window_seconds} s`;
  return `over ${s.max_alerts} in ${window}: one summary`;
}

function statusBadge(status) {
  const cls = { delivered: 'badge-online', failed: 'badge-error', retrying: 'badge-connecting' }[status] || 'badge-offline';
  return h('span', { class: `badge ${cls} delivery-status`, 'data-status': status }, status);
}

/** The add and edit form (admins): kind, name, target, filters and storm control. */
function channelForm(onSaved) {
  let editing = null;
  let emailConfigured = false;
  const title = h('h2', {}, 'Add a channel');
  const kind = select(KINDS, 'webhook', { name: 'kind' });
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: '120' });
  const target = h('input', { type: 'text', name: 'target', autocomplete: 'off', spellcheck: 'false' });
  const targetField = field('Sends to', target, ' ');
  const targetLabel = targetField.querySelector('label');
  const targetHint = targetField.querySelector('.hint');
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: true });

  const allCameras = h('input', { type: 'checkbox', name: 'all_cameras', checked: true });
  const cameraBoxes = h('div', { class: 'btn-row', id: 'channel-cameras' });
  allCameras.addEventListener('change', () => { cameraBoxes.hidden = allCameras.checked; });
  const typeBoxes = VIOLATION_TYPES.map(({ type, label }) => ({ type, box: h('input', { type: 'checkbox', name: `type_${type}` }), label }));
  const minSeverity = select(SEVERITIES, 'low', { name: 'min_severity' });
  const hoursOn = h('input', { type: 'checkbox', name: 'active_hours' });
  const dayBoxes = DAYS.map((label, i) => ({ day: i + 1, box: h('input', { type: 'checkbox', name: `day_${i + 1}`, checked: i < 5 }), label }));
  const from = h('input', { type: 'time', name: 'from', value: '07:00' });
  const to = h('input', { type: 'time', name: 'to', value: '18:00' });
  const hours = h('div', { id: 'channel-hours', hidden: true }, h('div', { class: 'btn-row' },
    dayBoxes.map(({ box, label }) => checkboxField(label, box))), h('div', { class: 'form-grid' }, field('From', from), field('To', to)));
  hoursOn.addEventListener('change', () => { hours.hidden = !hoursOn.checked; });
  const maxAlerts = h('input', { type: 'number', name: 'max_alerts', min: '1', step: '1', value: STORM_DEFAULT.max_alerts });
  const windowSeconds = h('input', { type: 'number', name: 'window_seconds', min: '10', step: '1', value: STORM_DEFAULT.window_seconds });

  const error = errorBox();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Add channel');
  const cancel = h('button', { type: 'button', class: 'btn', hidden: true }, 'Cancel');
  const form = h('form', { id: 'channel-form', novalidate: true }, error,
    h('div', { class: 'form-grid' }, field('Kind', kind), field('Name', name), targetField),
    checkboxField('Enabled', enabled),
    h('fieldset', {}, h('legend', {}, 'Which alerts'),
      checkboxField('All cameras', allCameras), cameraBoxes,
      h('div', { class: 'btn-row' }, typeBoxes.map(({ box, label }) => checkboxField(label, box))),
      h('p', { class: 'hint' }, 'No type ticked sends every type.'),
      field('Lowest severity', minSeverity),
      checkboxField('Only at certain hours (organisation time)', hoursOn), hours),
    h('fieldset', {}, h('legend', {}, 'Storm control'),
      h('div', { class: 'form-grid' }, field('Alerts one by one, at most', maxAlerts), field('within (seconds)', windowSeconds)),
      h('p', { class: 'hint' }, 'Beyond that, the rest of the window arrives as one summary message. Nothing is dropped.')),
    h('div', { class: 'btn-row' }, submit, cancel));
  const section = h('section', { class: 'card', id: 'channel-editor' }, title, form);

  function showTarget() {
    const t = TARGETS[kind.value];
    targetLabel.textContent = t.label;
    target.placeholder = editing ? 'Leave empty to keep the stored one' : t.placeholder;
    target.type = kind.value === 'email' ? 'text' : 'url';
    targetHint.textContent = t.hint;
  }
  kind.addEventListener('change', showTarget);

  function fillCameras(selected) {
    cameraBoxes.replaceChildren(...[...state.cameras.values()].map((camera) => checkboxField(camera.name,
      h('input', { type: 'checkbox', name: 'camera', value: camera.id, checked: selected.includes(camera.id) }))));
    allCameras.checked = selected.length === 0;
    cameraBoxes.hidden = allCameras.checked;
  }

  function reset() {
    editing = null;
    form.reset();
    // Checkbox states set as properties are not what form.reset() returns to.
    enabled.checked = true;
    for (const { box } of typeBoxes) box.checked = false;
    hoursOn.checked = false;
    for (const { day, box } of dayBoxes) box.checked = day <= 5;
    maxAlerts.value = STORM_DEFAULT.max_alerts;
    windowSeconds.value = STORM_DEFAULT.window_seconds;
    title.textContent = 'Add a channel';
    submit.textContent = 'Add channel';
    cancel.hidden = true;
    kind.disabled = false;
    hours.hidden = true;
    fillCameras([]);
    error.clear();
    showTarget();
  }

  function edit(channel) {
    reset();
    editing = channel;
    title.textContent = `Edit ${channel.name}`;
    submit.textContent = 'Save changes';
    cancel.hidden = false;
    kind.value = channel.kind;
    kind.disabled = true;
    name.value = channel.name;
    enabled.checked = channel.enabled;
    const f = channel.filters || {};
    fillCameras(f.camera_ids || []);
    for (const { type, box } of typeBoxes) box.checked = (f.violation_types || []).includes(type);
    minSeverity.value = f.min_severity || 'low';
    hoursOn.checked = Boolean(f.active_hours);
    hours.hidden = !hoursOn.checked;
    if (f.active_hours) {
      for (const { day, box } of dayBoxes) box.checked = f.active_hours.days.includes(day);
      from.value = f.active_hours.from;
      to.value = f.active_hours.to;
    }
    const storm = channel.storm || STORM_DEFAULT;
    maxAlerts.value = storm.max_alerts;
    windowSeconds.value = storm.window_seconds;
    showTarget();
    section.scrollIntoView({ block: 'start' });
    name.focus();
  }

  function body() {
    const cameraIds = [...cameraBoxes.querySelectorAll('input[name=camera]:checked')].map((box) => box.value);
    const value = {
      name: name.value.trim(),
      enabled: enabled.checked,
      filters: {
        camera_ids: allCameras.checked || cameraIds.length === 0 ? null : cameraIds,
        violation_types: typeBoxes.filter(({ box }) => box.checked).map(({ type }) => type),
        min_severity: minSeverity.value,
        active_hours: hoursOn.checked ? { days: dayBoxes.filter(({ box }) => box.checked).map(({ day }) => day),
          from: from.value, to: to.value } : null,
      },
      storm: { max_alerts: Number(maxAlerts.value), window_seconds: Number(windowSeconds.value) },
    };
    if (target.value.trim()) value.target = target.value.trim();
    if (!editing) value.kind = kind.value;
    return value;
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    const value = body();
    if (!value.name) {
      error.show('Give the channel a name.');
      return;
    }
    if (!editing && !value.target) {
      error.show(`Enter the ${TARGETS[kind.value].label.toLowerCase()}.`);
      return;
    }
    if (!editing && kind.value === 'email' && !emailConfigured) {
      error.show('E-mail is not configured on this server.');
      return;
    }
    try {
      const saved = editing
        ? await patch(`/api/v1/notification-channels/${editing.id}`, value)
        : await post('/api/v1/notification-channels', value);
      toast(editing ? `Saved ${saved.name}` : `Added ${saved.name}`);
      reset();
      await onSaved(saved);
    } catch (err) {
      error.show(err);
    }
  });
  cancel.addEventListener('click', reset);
  reset();

  return {
    section,
    edit,
    setEmailConfigured(configured) {
      emailConfigured = configured;
      const option = kind.querySelector('option[value=email]');
      option.disabled = !configured;
      option.textContent = configured ? 'E-mail' : 'E-mail (not configured on this server)';
      if (!configured && kind.value === 'email' && !editing) {
        kind.value = 'webhook';
        showTarget();
      }
    },
  };
}

/** Every delivery, newest first, with each attempt's time, result, HTTP status or SMTP reply, and error. */
function deliveryLog() {
  const channelSelect = select([['', 'All channels']], '', { name: 'channel_id' });
  const statusSelect = select(STATUSES, '', { name: 'status' });
  const filters = h('form', { class: 'filters', id: 'delivery-filters', 'aria-label': 'Filter the delivery log' },
    field('Channel', channelSelect), field('Status', statusSelect),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'btn' }, 'Apply filters')));
  const error = errorBox();
  const more = h('button', { type: 'button', class: 'btn', id: 'deliveries-load-more', hidden: true }, 'Load more');
  const count = h('span', { class: 'muted', id: 'deliveries-count', 'aria-live': 'polite' });
  const tbody = h('tbody', { id: 'deliveries-body' });
  const table = h('table', { id: 'deliveries-table' },
    h('thead', {}, h('tr', {}, ['Created', 'Channel', 'What', 'Status', 'Attempts', 'Last attempt', 'Next attempt', '']
      .map((title) => h('th', { scope: 'col' }, title)))), tbody);
  const section = h('section', { class: 'card', id: 'delivery-log' }, h('h2', {}, 'Delivery log'), filters, error,
    h('div', { class: 'table-wrap' }, table), h('div', { class: 'btn-row', style: 'margin-top:.6rem' }, more, count));

  function row(delivery) {
    const toggle = h('button', { type: 'button', class: 'btn btn-small delivery-attempts', 'aria-expanded': 'false' },
      'Attempts');
    const tr = h('tr', { 'data-delivery-id': delivery.id },
      h('td', {}, h('time', { datetime: delivery.created_at }, formatTime(delivery.created_at))),
      h('td', {}, delivery.channel_name, h('span', { class: 'hint' }, ` (${KIND_LABELS[delivery.channel_kind] || delivery.channel_kind})`)),
      h('td', {}, delivery.event_id ? h('a', { href: `#/event/${delivery.event_id}` }, PURPOSES[delivery.purpose] || delivery.purpose)
        : PURPOSES[delivery.purpose] || delivery.purpose,
      delivery.purpose === 'summary' ? h('span', { class: 'hint' }, ` ${shortId(delivery.id)}`) : null),
      h('td', {}, statusBadge(delivery.status), delivery.covered_by
        ? h('span', { class: 'hint delivery-covered-by', 'data-covered-by': delivery.covered_by },
          ` in storm summary ${shortId(delivery.covered_by)}`) : null),
      h('td', {}, String(delivery.attempts)),
      h('td', {}, delivery.last_attempt ? describeAttempt(delivery.last_attempt) : '–'),
      h('td', {}, delivery.next_attempt_at ? formatTime(delivery.next_attempt_at) : '–'),
      h('td', {}, toggle));
    let detail = null;
    toggle.addEventListener('click', async () => {
      if (detail) {
        detail.remove();
        detail = null;
        toggle.setAttribute('aria-expanded', 'false');
        return;
      }
      error.clear();
      try {
        const attempts = await get(`/api/v1/notification-deliveries/${delivery.id}/attempts`);
        const listId = uid('attempts');
        detail = h('tr', { class: 'delivery-attempt-list' }, h('td', { colspan: '8' }, attempts.length
          ? h('ol', { id: listId }, attempts.map((attempt) => h('li', { class: 'delivery-attempt' },
            h('time', { datetime: attempt.at }, formatTime(attempt.at)), ': ', describeAttempt(attempt))))
          : h('p', { class: 'muted' }, 'Not tried yet.')));
        tr.after(detail);
        toggle.setAttribute('aria-expanded', 'true');
      } catch (e) {
        error.show(e);
      }
    });
    return tr;
  }

  const load = keysetList({
    path: '/api/v1/notification-deliveries', pageSize: PAGE_SIZE, tbody, more, count, error,
    query: () => ({ channel_id: channelSelect.value, status: statusSelect.value }), row,
    empty: 'No delivery yet.',
  });
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    load(true);
  });

  return {
    section,
    load,
    setChannels(channels) {
      const chosen = channelSelect.value;
      channelSelect.replaceChildren(h('option', { value: '' }, 'All channels'),
        ...channels.map((channel) => h('option', { value: channel.id, selected: channel.id === chosen }, channel.name)));
    },
  };
}

/** Enough of an id to match a held alert with the storm summary that carried it. */
function shortId(id) {
  return id.slice(0, 8);
}

function describeAttempt(attempt) {
  const parts = [attempt.result];
  if (attempt.http_status) parts.push(`HTTP ${attempt.http_status}`);
  if (attempt.reply) parts.push(attempt.reply);
  if (attempt.error) parts.push(attempt.error);
  return parts.join(' · ');
}
