// The live wall: one tile per camera with its MJPEG stream, name and status badge; a click
// enlarges a camera in a dialog. Browsers allow about six connections per server over HTTP/1.1
// and every MJPEG stream holds one open, so only the first few tiles stream; the others refresh
// a snapshot every few seconds.
import { state, loadCameras, isAdmin, onCameraStatus } from './state.js';
import { h, cameraBadge, detectorBadge, stopImage } from './ui.js';

const MAX_STREAMS = 3;
const SNAPSHOT_EVERY_MS = 3000;

export async function render(container) {
  const cameras = (await loadCameras()).filter((camera) => camera.is_active !== false);
  container.append(h('div', { class: 'page-head' },
    h('h1', {}, 'Live wall'),
    h('span', { class: 'muted' }, cameras.length === 1 ? '1 camera' : `${cameras.length} cameras`)));

  if (cameras.length === 0) {
    container.append(h('div', { class: 'card empty', id: 'live-empty' },
      h('h2', {}, 'No cameras yet'),
      isAdmin()
        ? h('p', {}, 'Add your first camera under ', h('a', { href: '#/cameras/new' }, 'Cameras → Add camera'),
          ': give it a name and its RTSP address (rtsp://host:554/stream); it appears here as soon as it is saved.')
        : h('p', {}, 'An administrator of your organisation has not added any cameras yet.')));
    return null;
  }

  const wall = h('div', { class: 'wall', id: 'live-wall' });
  container.append(wall);
  const tiles = new Map();
  const timers = [];
  let paused = false;

  cameras.forEach((camera, index) => {
    const streaming = index < MAX_STREAMS;
    const img = h('img', { alt: `Live view of ${camera.name}`, class: 'tile-img', decoding: 'async' });
    const badge = h('span', { class: 'badge' });
    const detector = h('span', { class: 'badge badge-no-detector', hidden: true });
    const error = h('div', { class: 'tile-error' });
    const tile = h('button', {
      type: 'button', class: 'tile', 'data-camera-id': camera.id, 'aria-label': `Enlarge ${camera.name}`,
    }, img, h('div', { class: 'tile-foot' }, h('span', { class: 'tile-name' }, camera.name),
      h('span', { class: 'tile-badges' }, badge, detector)), error);
    tile.addEventListener('click', () => enlarge(camera));
    const entry = { camera, img, badge, detector, error, streaming };
    tiles.set(camera.id, entry);
    updateBadge(entry);
    wall.append(tile);
    startImage(entry);
  });

  function startImage(entry) {
    if (entry.streaming) {
      entry.img.src = `/api/stream/${entry.camera.id}`;
    } else {
      entry.img.src = `/api/stream/${entry.camera.id}/snapshot?t=${Date.now()}`;
    }
  }

  // Tiles past the streaming limit show a fresh snapshot every few seconds.
  timers.push(setInterval(() => {
    if (paused || document.hidden) return;
    for (const entry of tiles.values()) {
      if (!entry.streaming) entry.img.src = `/api/stream/${entry.camera.id}/snapshot?t=${Date.now()}`;
    }
  }, SNAPSHOT_EVERY_MS));

  const unsubscribe = onCameraStatus((change) => {
    const entry = tiles.get(change.camera_id);
    if (entry) {
      entry.camera = state.cameras.get(change.camera_id) || { ...entry.camera, ...change };
      updateBadge(entry);
    }
  });

  function enlarge(camera) {
    // Free the tiles' connections while the large view streams.
    paused = true;
    for (const entry of tiles.values()) stopImage(entry.img);
    const big = h('img', { src: `/api/stream/${camera.id}`, alt: `Live view of ${camera.name}, enlarged` });
    const close = h('button', { type: 'button', class: 'btn btn-small' }, 'Close');
    const titleId = `dialog-title-${camera.id}`;
    const dialog = h('dialog', { 'aria-labelledby': titleId, id: 'camera-dialog' },
      h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, camera.name), close), big);
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      stopImage(big);
      dialog.remove();
      paused = false;
      for (const entry of tiles.values()) startImage(entry);
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  return () => {
    unsubscribe();
    timers.forEach(clearInterval);
    for (const entry of tiles.values()) stopImage(entry.img);
    const dialog = document.getElementById('camera-dialog');
    if (dialog) dialog.close();
  };
}

function updateBadge(entry) {
  const { text, cls } = cameraBadge(entry.camera);
  entry.badge.className = `badge ${cls}`;
  entry.badge.textContent = text;
  entry.badge.dataset.status = text;
  const noDetector = detectorBadge(entry.camera);
  entry.detector.hidden = !noDetector;
  entry.detector.textContent = noDetector ? noDetector.text : '';
  entry.detector.title = noDetector ? 'Frames stream, but no detector model is loaded: nothing is analysed' : '';
  const message = entry.camera.status === 'error' ? (entry.camera.error_message || 'Camera error') : '';
  entry.error.textContent = message;
  entry.error.title = message;
  entry.error.hidden = !message;
}
