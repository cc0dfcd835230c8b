// Small DOM helpers shared by the pages. Text always goes in as text (never as HTML).

/** h('div', {class: 'x', onclick: fn}, child, 'text', ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let idCounter = 0;
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field; answers {wrap, input}. */
export function field(labelText, input, hintText) {
  if (!input.id) input.id = uid('in');
  const label = h('label', { for: input.id }, labelText);
  const wrap = h('div', { class: 'field' }, label, input);
  if (hintText) {
    const hint = h('span', { class: 'hint', id: `${input.id}-hint` }, hintText);
    input.setAttribute('aria-describedby', hint.id);
    wrap.append(hint);
  }
  return wrap;
}

export function checkboxField(labelText, input) {
  if (!input.id) input.id = uid('cb');
  return h('div', { class: 'field inline' }, input, h('label', { for: input.id }, labelText));
}

export function select(options, value, attrs = {}) {
  const el = h('select', attrs);
  for (const [optValue, optLabel] of options) {
    const option = h('option', { value: optValue }, optLabel);
    if (String(optValue) === String(value ?? '')) option.selected = true;
    el.append(option);
  }
  return el;
}

/** An error region that forms show API failures in. */
export function errorBox() {
  const box = h('div', { class: 'error-box', role: 'alert', hidden: true });
  box.show = (error) => {
    box.textContent = typeof error === 'string' ? error : (error.detail || error.message);
    box.hidden = false;
  };
  box.clear = () => { box.hidden = true; box.textContent = ''; };
  return box;
}

export function toast(message, kind = 'info') {
  const region = document.getElementById('toasts');
  const item = h('div', { class: `toast ${kind === 'error' ? 'error' : ''}` }, message);
  region.append(item);
  setTimeout(() => item.remove(), 4000);
}

// The violation types the server knows (ViolationType), in its order, with how the dashboard shows them.
export const VIOLATION_TYPES = [
  { type: 'no_hardhat', label: 'No hard hat', color: '#f2a900' },
  { type: 'no_vest', label: 'No hi-vis vest', color: '#1f5fbf' },
  { type: 'zone_breach', label: 'Zone breach', color: '#c62828' },
];

export const VIOLATION_LABELS = Object.fromEntries(VIOLATION_TYPES.map(({ type, label }) => [type, label]));

export function violationLabel(type) {
  return VIOLATION_LABELS[type] || type || 'Violation';
}

export function formatTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Date inputs' values (local days, the second inclusive) as the API's from/to instants. */
export function dayRange(fromDay, toDay) {
  const range = {};
  if (fromDay) range.from = new Date(`${fromDay}T00:00:00`).toISOString();
  if (toDay) {
    const end = new Date(`${toDay}T00:00:00`);
    end.setDate(end.getDate() + 1);
    range.to = end.toISOString();
  }
  return range;
}

export function formatPercent(value) {
  return value === undefined || value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** The badge of a camera: DEMO MODE for placeholder video, otherwise its status. */
export function cameraBadge(camera) {
  const status = camera.status || 'offline';
  if (camera.use_placeholder || status === 'placeholder') {
    return { text: 'DEMO MODE', cls: 'badge-demo' };
  }
  switch (status) {
    case 'online': return { text: 'online', cls: 'badge-online' };
    case 'connecting': return { text: 'connecting', cls: 'badge-connecting' };
    case 'error': return { text: 'error', cls: 'badge-error' };
    default: return { text: 'offline', cls: 'badge-offline' };
  }
}

/** The second badge of a camera its worker streams without a detector model, or null. */
export function detectorBadge(camera) {
  return camera.no_detector ? { text: 'no detector', cls: 'badge-no-detector' } : null;
}

/** A transparent image, used to end an MJPEG connection before an <img> is discarded. */
export const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

export function stopImage(img) {
  if (img && img.src && !img.src.startsWith('data:')) img.src = BLANK_IMAGE;
}
