// Violations: filters, keyset paging ("Load more"), bulk acknowledge and CSV export of the
// filtered list (every page fetched from the API, the file built here).
import { post, del } from './api.js';
import { state, loadCameras, cameraName, canDeleteEvents } from './state.js';
import { h, field, select, errorBox, toast, violationLabel, formatTime, formatPercent, VIOLATION_LABELS, dayRange } from './ui.js';
import { markAcknowledged, onAcknowledged } from './alerts.js';
import { exportOnClick } from './csv.js';
import { keysetList } from './keyset-list.js';

const PAGE_SIZE = 50;

export async function render(container) {
  await loadCameras();
  const cameraSelect = select([['', 'All cameras'],
    ...[...state.cameras.values()].map((c) => [c.id, c.name])], '', { name: 'camera_id' });
  const typeSelect = select([['', 'All types'], ...Object.entries(VIOLATION_LABELS)], '', { name: 'violation_type' });
  const ackSelect = select([['', 'Any'], ['false', 'Not acknowledged'], ['true', 'Acknowledged']], '',
    { name: 'acknowledged' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const apply = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Apply filters');
  const filters = h('form', { class: 'filters card', id: 'event-filters', 'aria-label': 'Filter events' },
    field('Camera', cameraSelect), field('Type', typeSelect), field('Status', ackSelect),
    field('From (date)', from), field('To (date, inclusive)', to), h('div', { class: 'field' }, apply));

  const error = errorBox();
  const selectAll = h('input', { type: 'checkbox', id: 'select-all-events', 'aria-label': 'Select all shown events' });
  const ackSelected = h('button', { type: 'button', class: 'btn', id: 'ack-selected', disabled: true },
    'Acknowledge selected');
  const exportButton = h('button', { type: 'button', class: 'btn', id: 'export-csv' }, 'Export CSV');
  const more = h('button', { type: 'button', class: 'btn', id: 'load-more', hidden: true }, 'Load more');
  const count = h('span', { class: 'muted', 'aria-live': 'polite' });
  const tbody = h('tbody', { id: 'events-body' });
  const table = h('table', { id: 'events-table' },
    h('caption', { class: 'muted', style: 'text-align:left;padding:.4rem 0' }, 'Violations, newest first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, selectAll), h('th', { scope: 'col' }, 'Image'), h('th', { scope: 'col' }, 'Time'),
      h('th', { scope: 'col' }, 'Camera'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Confidence'),
      h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
    tbody);

  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Events'),
    h('div', { class: 'btn-row' }, ackSelected, exportButton)), filters, error,
  h('div', { class: 'card' }, h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'btn-row', style: 'margin-top:.6rem' }, more, count)));

  function currentQuery() {
    const q = {
      camera_id: cameraSelect.value, violation_type: typeSelect.value, acknowledged: ackSelect.value,
    };
    return { ...q, ...dayRange(from.value, to.value) };
  }

  const load = keysetList({
    path: '/api/v1/events', pageSize: PAGE_SIZE, tbody, more, count, error, query: currentQuery, row,
    empty: 'No events match these filters.',
    onReset: () => { selectAll.checked = false; },
    onPage: () => updateSelection(),
  });

  function row(event) {
    const box = h('input', { type: 'checkbox', class: 'event-select', value: event.id,
      'aria-label': `Select ${violationLabel(event.violation_type)} at ${formatTime(event.created_at)}` });
    box.addEventListener('change', updateSelection);
    const status = h('td', { class: 'event-status' });
    const actions = h('td', {});
    const tr = h('tr', { 'data-event-id': event.id },
      h('td', {}, box),
      h('td', {}, event.has_thumbnail
        ? h('img', { class: 'thumb', src: `/api/v1/events/${event.id}/thumbnail`, alt: 'Snapshot', loading: 'lazy' })
        : h('div', { class: 'thumb thumb-placeholder', 'aria-hidden': 'true' }, 'no image')),
      h('td', {}, h('a', { href: `#/event/${event.id}`, class: 'event-link' },
        h('time', { datetime: event.created_at }, formatTime(event.created_at)))),
      h('td', {}, cameraName(event.camera_id)),
      h('td', {}, violationLabel(event.violation_type)),
      h('td', {}, formatPercent(event.confidence)),
      status, actions);
    tr.event = event;
    renderStatus(tr);
    if (canDeleteEvents()) {
      const remove = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, 'Delete');
      remove.addEventListener('click', async () => {
        if (!confirm('Delete this event? This cannot be undone.')) return;
        try {
          await del(`/api/v1/events/${event.id}`);
          tr.remove();
          updateSelection();
        } catch (e) {
          error.show(e);
        }
      });
      actions.append(remove);
    }
    return tr;
  }

  function renderStatus(tr) {
    const event = tr.event;
    const cell = tr.querySelector('.event-status');
    cell.replaceChildren(event.acknowledged
      ? h('span', { class: 'badge badge-ack', title: `by ${event.acknowledged_by_name}, ${formatTime(event.acknowledged_at)}` }, 'acknowledged')
      : h('span', { class: 'badge badge-new' }, 'new'));
  }

  function selectedRows() {
    return [...tbody.querySelectorAll('.event-select:checked')].map((box) => box.closest('tr'));
  }

  function updateSelection() {
    const n = selectedRows().length;
    ackSelected.disabled = n === 0;
    ackSelected.textContent = n ? `Acknowledge selected (${n})` : 'Acknowledge selected';
  }

  selectAll.addEventListener('change', () => {
    for (const box of tbody.querySelectorAll('.event-select')) box.checked = selectAll.checked;
    updateSelection();
  });

  ackSelected.addEventListener('click', async () => {
    const rows = selectedRows().filter((tr) => !tr.event.acknowledged);
    ackSelected.disabled = true;
    let failed = 0;
    for (const tr of rows) {
      try {
        const updated = await post(`/api/v1/events/${tr.event.id}/acknowledge`);
        markAcknowledged(updated);
      } catch (e) {
        failed += 1;
        error.show(e);
      }
    }
    for (const box of tbody.querySelectorAll('.event-select:checked')) box.checked = false;
    selectAll.checked = false;
    updateSelection();
    toast(failed ? `${rows.length - failed} acknowledged, ${failed} failed` : `${rows.length} acknowledged`,
      failed ? 'error' : 'info');
  });

  const unsubscribe = onAcknowledged((event) => {
    const tr = tbody.querySelector(`tr[data-event-id="${CSS.escape(event.id)}"]`);
    if (tr) {
      tr.event = event;
      renderStatus(tr);
    }
  });

  exportOnClick(exportButton, error, 'events', () => ({
    path: '/api/v1/events',
    query: currentQuery(),
    header: ['id', 'created_at', 'camera_id', 'camera_name', 'violation_type', 'severity', 'confidence',
      'acknowledged', 'acknowledged_at', 'acknowledged_by'],
    row: (e) => [e.id, e.created_at, e.camera_id, cameraName(e.camera_id), e.violation_type, e.severity,
      e.confidence, e.acknowledged, e.acknowledged_at || '', e.acknowledged_by_name || ''],
    name: `violations-${new Date().toISOString().slice(0, 10)}.csv`,
  }));

  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    load(true);
  });
  await load(true);
  return unsubscribe;
}
