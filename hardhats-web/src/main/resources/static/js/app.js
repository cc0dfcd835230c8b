// The dashboard shell: sign-in state, hash routes, navigation and the live alerts panel.
import { get, post, onUnauthorized, clearSession, hasSession, scheduleRefresh } from './api.js';
import { state, loadCameras, loadStorage, isAdmin, detectionOff, onCameraStatus } from './state.js';
import { h } from './ui.js';
import * as auth from './auth.js';
import * as live from './live.js';
import * as alerts from './alerts.js';
import * as events from './events.js';
import * as stats from './stats.js';
import * as cameras from './cameras.js';
import * as users from './users.js';
import * as settings from './settings.js';
import * as audit from './audit.js';
import * as notifications from './notifications.js';
import * as eventDetail from './event-detail.js';

const main = document.getElementById('main');
let cleanup = null;
let flash = null;

const routes = {
  login: { page: auth.renderLogin, public: true },
  register: { page: auth.renderRegister, public: true },
  live: { page: live.render },
  events: { page: events.render },
  event: { page: eventDetail.render },
  stats: { page: stats.render },
  cameras: { page: cameras.render },
  users: { page: users.render, roles: ['admin'] },
  audit: { page: audit.render, roles: ['admin'] },
  notifications: { page: notifications.render, roles: ['admin', 'manager'] },
  settings: { page: settings.render },
};

export function navigate(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

/** Shows a message on the next page rendered (e.g. the sign-in page after a session ends). */
export function setFlash(message) {
  flash = message;
}

export function takeFlash() {
  const message = flash;
  flash = null;
  return message;
}

export async function signedIn() {
  state.me = await get('/api/v1/auth/me');
  scheduleRefresh();
  try {
    await loadCameras();
    if (isAdmin()) await loadStorage();
  } catch (_) { /* pages load what they need */ }
  showChrome(true);
  alerts.start();
}

/**
 * Admins are told when the organisation's cameras stream without detection, and how to fix it, and
 * when its storage is full, so violations are recorded without clips.
 */
function updateBanners() {
  const admin = Boolean(state.me) && isAdmin();
  document.getElementById('detection-banner').hidden = !(admin && detectionOff());
  document.getElementById('storage-banner').hidden = !(admin && state.storageFull);
}

function showChrome(on) {
  document.getElementById('topbar').hidden = !on;
  document.getElementById('alerts-panel').hidden = !on;
  document.getElementById('layout').classList.toggle('no-aside', !on);
  updateBanners();
  if (on && state.me) {
    document.getElementById('whoami-name').textContent = state.me.full_name;
    document.getElementById('whoami-role').textContent = state.me.role;
    for (const link of document.querySelectorAll('#mainnav a[data-role]')) {
      link.hidden = !link.dataset.role.split(' ').includes(state.me.role);
    }
  }
}

export function signOutLocally(message) {
  clearSession();
  alerts.stop();
  state.me = null;
  state.cameras = new Map();
  state.storageFull = false;
  showChrome(false);
  if (message) setFlash(message);
  navigate('#/login');
}

async function route() {
  const [, name = '', ...rest] = (location.hash || '#/').split('/');
  let target = routes[name] ? name : null;
  if (!state.me && !(target && routes[target].public)) {
    target = 'login';
    if (location.hash !== '#/login' && location.hash !== '#/register') {
      history.replaceState(null, '', '#/login');
    }
  } else if (state.me && (!target || routes[target].public)) {
    target = 'live';
    history.replaceState(null, '', '#/live');
  }
  const definition = routes[target];
  if (definition.roles && !definition.roles.includes(state.me.role)) {
    target = 'live';
    history.replaceState(null, '', '#/live');
  }
  if (cleanup) {
    try { cleanup(); } catch (_) { /* page already gone */ }
    cleanup = null;
  }
  for (const link of document.querySelectorAll('#mainnav a')) {
    const active = link.dataset.route === target;
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  const container = h('div', { class: `page page-${target}`, 'data-page': target });
  main.append(container);
  document.title = `${container.dataset.page[0].toUpperCase()}${target.slice(1)} · Hard Hats`;
  try {
    cleanup = (await routes[target].page(container, rest)) || null;
    updateBanners();
  } catch (e) {
    if (e.status !== 401) {
      container.append(h('div', { class: 'error-box', role: 'alert' }, e.detail || e.message));
    }
  }
}

async function start() {
  onUnauthorized((message) => {
    if (state.me) signOutLocally(message);
  });
  document.getElementById('logout-button').addEventListener('click', async () => {
    try {
      await post('/api/v1/auth/logout');
    } catch (_) { /* the cookie is cleared either way */ }
    signOutLocally('You have signed out.');
  });
  window.addEventListener('hashchange', route);
  onCameraStatus(updateBanners);
  if (hasSession()) {
    try {
      await signedIn();
    } catch (e) {
      clearSession();
      state.me = null;
      if (e.status === 401) setFlash('Your session has ended. Please sign in again.');
    }
  }
  await route();
}

start();
