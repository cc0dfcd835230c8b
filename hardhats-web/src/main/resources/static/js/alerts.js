// The live alerts panel: server-sent events (violations, camera status), newest first, with a
// highlight and an optional beep for new violations, and an Acknowledge button on each.
import { get, post } from './api.js';
import { state, cameraName, loadCameras, applyCameraStatus } from './state.js';
import { h, violationLabel, formatTime, formatPercent, toast } from './ui.js';

const MAX_ITEMS = 50;
const SOUND_KEY = 'hh.alert_sound';
let source = null;
let audio = null;
let soundOn = false;
const items = new Map();
const ackListeners = new Set();

const list = () => document.getElementById('alert-list');
const connection = () => document.getElementById('live-connection');

/** Pages that show events hear about acknowledgements made in the panel (and the other way round). */
export function onAcknowledged(listener) {
  ackListeners.add(listener);
  return () => ackListeners.delete(listener);
}

export function markAcknowledged(event) {
  const item = items.get(event.id);
  if (item) renderAcknowledged(item, event);
  for (const listener of ackListeners) listener(event);
}

export async function start() {
  stop();
  setupSound();
  list().replaceChildren();
  items.clear();
  updateEmpty();
  try {
    const recent = await get('/api/v1/events', { acknowledged: 'false', limit: 20 });
    for (const event of recent.items.slice().reverse()) add(event, false);
  } catch (_) { /* the stream still works */ }
  connect();
}

export function stop() {
  if (source) {
    source.close();
    source = null;
  }
}

function connect() {
  source = new EventSource('/api/sse/events');
  setConnection('connecting');
  source.addEventListener('open', () => setConnection('on'));
  source.addEventListener('error', () => {
    if (!source) return;
    if (source.readyState === EventSource.CLOSED) {
      setConnection('off');
      // The server refused the stream: check the session (a 401 sends us to sign-in), else retry.
      const closed = source;
      setTimeout(async () => {
        if (source !== closed) return;
        try {
          await get('/api/v1/auth/me');
          if (source === closed) connect();
        } catch (_) { /* signed out */ }
      }, 5000);
    } else {
      setConnection('connecting');
    }
  });
  source.addEventListener('violation', async (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch (_) { return; }
    if (!state.cameras.has(event.camera_id)) {
      try { await loadCameras(); } catch (_) { /* name shows as unknown */ }
    }
    add(event, true);
  });
  source.addEventListener('camera_status', (message) => {
    try { applyCameraStatus(JSON.parse(message.data)); } catch (_) { /* ignore malformed */ }
  });
}

function setConnection(mode) {
  const dot = connection();
  dot.classList.toggle('on', mode === 'on');
  dot.classList.toggle('off', mode === 'off');
  dot.textContent = mode === 'on' ? 'live' : mode === 'off' ? 'disconnected' : 'connecting';
  dot.title = dot.textContent;
}

function updateEmpty() {
  document.getElementById('alerts-empty').hidden = items.size > 0;
}

function thumbnail(event) {
  if (event.has_thumbnail) {
    return h('img', { class: 'thumb', src: `/api/v1/events/${event.id}/thumbnail`, alt: `Snapshot of ${violationLabel(event.violation_type)}`, loading: 'lazy' });
  }
  return h('div', { class: 'thumb thumb-placeholder', 'aria-hidden': 'true' }, 'no image');
}

function add(event, fresh) {
  if (items.has(event.id)) return;
  const ackButton = h('button', { type: 'button', class: 'btn btn-small ack-button' }, 'Acknowledge');
  const status = h('span', { class: 'ack-status' });
  const item = h('li', {
    class: `alert-item${fresh ? ' fresh' : ''}`, 'data-event-id': event.id,
  },
  thumbnail(event),
  h('div', {},
    h('div', { class: 'alert-title' }, h('a', { href: `#/event/${event.id}`, class: 'event-link' },
      violationLabel(event.violation_type))),
    h('div', { class: 'alert-meta' }, cameraName(event.camera_id)),
    h('div', { class: 'alert-meta' }, h('time', { datetime: event.created_at }, formatTime(event.created_at)),
      ` · ${formatPercent(event.confidence)} confidence`),
    h('div', { class: 'btn-row' }, ackButton, status)));
  item.event = event;
  ackButton.addEventListener('click', async () => {
    ackButton.disabled = true;
    try {
      const updated = await post(`/api/v1/events/${event.id}/acknowledge`);
      markAcknowledged(updated);
    } catch (e) {
      ackButton.disabled = false;
      toast(`Could not acknowledge: ${e.detail}`, 'error');
    }
  });
  if (event.acknowledged) renderAcknowledged(item, event);
  items.set(event.id, item);
  list().prepend(item);
  while (items.size > MAX_ITEMS) {
    const last = list().lastElementChild;
    items.delete(last.dataset.eventId);
    last.remove();
  }
  updateEmpty();
  if (fresh) {
    setTimeout(() => item.classList.remove('fresh'), 8000);
    if (soundOn) beep();
  }
}

function renderAcknowledged(item, event) {
  item.classList.add('acked');
  item.classList.remove('fresh');
  const button = item.querySelector('.ack-button');
  if (button) button.remove();
  item.querySelector('.ack-status').replaceChildren(h('span', { class: 'badge badge-ack' }, 'acknowledged'));
  item.event = event;
}

// --- sound (off by default; the AudioContext is made on the click that turns it on) ---

function setupSound() {
  const toggle = document.getElementById('sound-toggle');
  if (toggle.dataset.bound) return;
  toggle.dataset.bound = 'yes';
  soundOn = false; // off by default: browsers only play sound after a click anyway
  renderSound(toggle);
  toggle.addEventListener('click', () => {
    soundOn = !soundOn;
    localStorage.setItem(SOUND_KEY, soundOn ? 'on' : 'off');
    if (soundOn) {
      try {
        audio = audio || new AudioContext();
        audio.resume();
        beep();
      } catch (_) {
        soundOn = false;
        toast('This browser cannot play sounds.', 'error');
      }
    }
    renderSound(toggle);
  });
}

function renderSound(toggle) {
  toggle.setAttribute('aria-pressed', String(soundOn));
  toggle.textContent = soundOn ? 'Sound on' : 'Sound off';
}

function beep() {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.12, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.35);
}
