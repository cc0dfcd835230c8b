// A polygon editor over a camera's latest snapshot: click to add a point, drag a point to move
// it, Undo / Clear. Points are fractions of the image (0–1), as the API's zone_polygon.
import { h } from './ui.js';

const HIT_RADIUS = 12;
const SNAPSHOT_RETRY_MS = 3000;

export function createZoneEditor({ cameraId, points = [], onChange = () => {} }) {
  let poly = (points || []).map(([x, y]) => [x, y]);
  const history = [];
  let dragging = -1;
  let dragMoved = false;

  const img = h('img', { alt: cameraId ? 'Latest snapshot of the camera' : '', hidden: true });
  // A camera saved moments ago has sent nothing yet: say so rather than show the no-signal picture.
  const waiting = h('div', { class: 'zone-waiting', id: 'zone-frame-status', role: 'status', hidden: true },
    'Waiting for the first frame from this camera…');
  let retry = null;
  let pictureUrl = null;
  const canvas = h('canvas', {
    id: 'zone-canvas', tabindex: '0', role: 'img',
    'aria-label': 'Zone editor: click on the picture to add a corner of the forbidden zone, drag a corner to move it',
  });
  const frame = h('div', { class: 'zone-editor' }, img, canvas, waiting);
  frame.style.aspectRatio = '16 / 9';
  const undo = h('button', { type: 'button', class: 'btn btn-small', id: 'zone-undo' }, 'Undo');
  const clear = h('button', { type: 'button', class: 'btn btn-small', id: 'zone-clear' }, 'Clear');
  const summary = h('span', { class: 'hint', id: 'zone-summary', 'aria-live': 'polite' });
  const root = h('div', { class: 'zone-editor-wrap' }, frame,
    h('div', { class: 'btn-row', style: 'margin-top:.4rem' }, undo, clear, summary),
    h('p', { class: 'hint' }, cameraId
      ? 'Click on the snapshot to add the corners of the forbidden zone (at least 3); drag a corner to move it.'
      : 'No snapshot until the camera is saved and streaming: draw on the blank frame, or save first and edit the zone later.'));

  function save() {
    history.push(poly.map((p) => [...p]));
    if (history.length > 100) history.shift();
  }

  function changed() {
    draw();
    summary.textContent = poly.length === 0 ? 'No zone drawn.'
      : `${poly.length} point${poly.length === 1 ? '' : 's'}${poly.length < 3 ? ' (a zone needs at least 3)' : ''}`;
    onChange(value());
  }

  function value() {
    return poly.map(([x, y]) => [round(x), round(y)]);
  }

  function resize() {
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(rect.width * ratio));
    const height = Math.max(1, Math.round(rect.height * ratio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    draw();
  }

  function draw() {
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    if (img.hidden) {
      ctx.strokeStyle = 'rgba(255,255,255,.12)';
      for (let i = 1; i < 10; i += 1) {
        ctx.beginPath(); ctx.moveTo((i * width) / 10, 0); ctx.lineTo((i * width) / 10, height); ctx.stroke();
        ctx.beginPath(); ctx.moveTo(0, (i * height) / 10); ctx.lineTo(width, (i * height) / 10); ctx.stroke();
      }
    }
    if (poly.length === 0) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.lineWidth = 2 * ratio;
    ctx.strokeStyle = '#ff3d3d';
    ctx.fillStyle = 'rgba(255, 61, 61, 0.25)';
    ctx.beginPath();
    poly.forEach(([x, y], i) => (i ? ctx.lineTo(x * width, y * height) : ctx.moveTo(x * width, y * height)));
    if (poly.length >= 3) {
      ctx.closePath();
      ctx.fill();
    }
    ctx.stroke();
    for (const [x, y] of poly) {
      ctx.beginPath();
      ctx.arc(x * width, y * height, 5 * ratio, 0, Math.PI * 2);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.stroke();
    }
  }

  function toPoint(event) {
    const rect = canvas.getBoundingClientRect();
    return [clamp((event.clientX - rect.left) / rect.width), clamp((event.clientY - rect.top) / rect.height)];
  }

  function hit(event) {
    const rect = canvas.getBoundingClientRect();
    return poly.findIndex(([x, y]) => Math.hypot(x * rect.width - (event.clientX - rect.left),
      y * rect.height - (event.clientY - rect.top)) <= HIT_RADIUS);
  }

  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    const index = hit(event);
    save();
    if (index >= 0) {
      dragging = index;
      dragMoved = false;
      canvas.setPointerCapture(event.pointerId);
    } else {
      poly.push(toPoint(event));
      changed();
    }
  });
  canvas.addEventListener('pointermove', (event) => {
    if (dragging < 0) return;
    poly[dragging] = toPoint(event);
    dragMoved = true;
    draw();
  });
  const endDrag = () => {
    if (dragging < 0) return;
    dragging = -1;
    if (!dragMoved) history.pop();
    changed();
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('keydown', (event) => {
    if ((event.key === 'z' && (event.ctrlKey || event.metaKey)) || event.key === 'Backspace') {
      event.preventDefault();
      undo.click();
    }
  });
  undo.addEventListener('click', () => {
    if (history.length) {
      poly = history.pop();
      changed();
    }
  });
  clear.addEventListener('click', () => {
    if (poly.length) {
      save();
      poly = [];
      changed();
    }
  });
  async function loadSnapshot() {
    retry = null;
    let response;
    try {
      response = await fetch(`/api/stream/${cameraId}/snapshot`, { cache: 'no-store' });
    } catch (_) {
      return;
    }
    if (!response.ok) return;
    if (response.headers.get('X-Frame-Status') === 'waiting') {
      waiting.hidden = false;
      retry = setTimeout(loadSnapshot, SNAPSHOT_RETRY_MS);
      return;
    }
    if (pictureUrl) URL.revokeObjectURL(pictureUrl);
    pictureUrl = URL.createObjectURL(await response.blob());
    img.src = pictureUrl;
    img.hidden = false;
    waiting.hidden = true;
    frame.style.aspectRatio = '';
  }

  img.addEventListener('load', resize);
  if (cameraId) loadSnapshot();
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  setTimeout(changed, 0);

  return {
    element: root,
    value,
    destroy: () => {
      observer.disconnect();
      clearTimeout(retry);
      if (pictureUrl) URL.revokeObjectURL(pictureUrl);
    },
  };
}

function clamp(v) {
  return Math.min(1, Math.max(0, v));
}

function round(v) {
  return Math.round(v * 10000) / 10000;
}
