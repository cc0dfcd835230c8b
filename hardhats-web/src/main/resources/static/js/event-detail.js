// One violation: the annotated frame of its moment with the flagged box, its evidence clip,
// camera, time, type, severity, confidence, who acknowledged it and when; Acknowledge for
// everyone, Delete for admins and managers.
import { get, post, del } from './api.js';
import { state, loadCameras, cameraName, canDeleteEvents } from './state.js';
import { h, errorBox, toast, violationLabel, formatTime, formatPercent } from './ui.js';
import { markAcknowledged } from './alerts.js';

export async function render(container, [id] = []) {
  const error = errorBox();
  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Violation'),
    h('a', { class: 'btn', href: '#/events' }, 'Back to events')), error);
  let event;
  try {
    event = await get(`/api/v1/events/${encodeURIComponent(id || '')}`);
  } catch (e) {
    error.show(e.status === 404 || e.status === 400 ? 'This violation does not exist, or was deleted.' : e);
    return null;
  }
  await loadCameras();
  const status = h('dd', { id: 'event-ack' });
  const actions = h('div', { class: 'btn-row' });
  const facts = h('dl', { class: 'facts', id: 'event-facts' },
    h('dt', {}, 'Type'), h('dd', {}, violationLabel(event.violation_type)),
    h('dt', {}, 'Camera'), h('dd', {}, cameraName(event.camera_id)),
    h('dt', {}, 'Time'), h('dd', {}, h('time', { datetime: event.created_at }, formatTime(event.created_at))),
    h('dt', {}, 'Severity'), h('dd', {}, event.severity),
    h('dt', {}, 'Confidence'), h('dd', {}, formatPercent(event.confidence)),
    h('dt', {}, 'Acknowledged'), status);
  // The whole annotated frame; violations recorded before frames were kept have only the thumbnail.
  const source = event.has_frame ? 'frame' : event.has_thumbnail ? 'thumbnail' : null;
  const picture = source
    ? h('img', { class: 'event-picture', id: 'event-picture', src: `/api/v1/events/${event.id}/${source}`,
      'data-picture': source, alt: `${violationLabel(event.violation_type)}, with the flagged person boxed` })
    : h('div', { class: 'thumb-placeholder event-picture', id: 'event-picture' }, 'No picture was kept for this violation.');
  container.append(h('div', { class: 'card event-detail' },
    h('div', { class: 'event-media' }, picture, clipOf(event)), h('div', {}, facts, actions)));

  // Users are deactivated, never deleted, so an acknowledgement always has its name.
  const acknowledgedBy = () => (event.acknowledged_by === state.me.id ? 'you' : event.acknowledged_by_name);

  function renderStatus() {
    actions.replaceChildren();
    if (event.acknowledged) {
      status.textContent = `${formatTime(event.acknowledged_at)} by ${acknowledgedBy()}`;
    } else {
      status.textContent = 'Not yet';
      const ack = h('button', { type: 'button', class: 'btn btn-primary', id: 'event-acknowledge' }, 'Acknowledge');
      ack.addEventListener('click', async () => {
        ack.disabled = true;
        try {
          event = await post(`/api/v1/events/${event.id}/acknowledge`);
          markAcknowledged(event);
          renderStatus();
        } catch (e) {
          ack.disabled = false;
          error.show(e);
        }
      });
      actions.append(ack);
    }
    if (canDeleteEvents()) {
      const remove = h('button', { type: 'button', class: 'btn btn-danger', id: 'event-delete' }, 'Delete');
      remove.addEventListener('click', async () => {
        if (!confirm('Delete this violation? This cannot be undone.')) return;
        try {
          await del(`/api/v1/events/${event.id}`);
          toast('Violation deleted');
          location.hash = '#/events';
        } catch (e) {
          error.show(e);
        }
      });
      actions.append(remove);
    }
  }
  renderStatus();
  return null;
}

const CLIP_KINDS = {
  stream_copy: 'The camera\'s own video around the violation, as it was recorded.',
  analysed_frames: 'Made from the frames analysed around the violation (a few per second), '
    + 'not the camera\'s full video.',
};

// The seconds around the violation; the server answers byte ranges, so the player can seek.
// A clip is written a few seconds after the violation, so a fresh one may not be there yet.
function clipOf(event) {
  if (!event.clip_kind) {
    return h('p', { class: 'muted', id: 'event-clip-none' }, 'No clip was kept for this violation (yet).');
  }
  return h('figure', { class: 'event-clip' },
    h('video', { id: 'event-clip', controls: '', preload: 'metadata', playsinline: '',
      src: `/api/v1/events/${event.id}/clip`, 'data-clip-kind': event.clip_kind }),
    h('figcaption', { class: 'muted', id: 'event-clip-kind' }, CLIP_KINDS[event.clip_kind] || ''));
}
