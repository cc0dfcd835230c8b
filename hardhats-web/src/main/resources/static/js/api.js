// Fetch wrapper for the Hard Hats API: JSON in and out, the X-Requested-With header on every
// call (the server refuses cookie-carrying state changes without it or a JSON body), a clear
// ApiError for every failure, sign-in redirect on 401 and a silent refresh before the session ends.

const EXPIRY_KEY = 'hh.session_expires_at';
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
let refreshTimer = null;
let unauthorizedHandler = () => {};

export class ApiError extends Error {
  constructor(status, error, detail) {
    super(detail || error || `request failed (${status})`);
    this.status = status;
    this.error = error || 'error';
    this.detail = detail || describeStatus(status);
  }
}

function describeStatus(status) {
  switch (status) {
    case 0: return 'The server could not be reached. Check the connection and try again.';
    case 404: return 'Not found: the server does not offer this (yet).';
    case 405: return 'The server does not support this action (yet).';
    case 413: return 'The upload is too large.';
    case 429: return 'Too many attempts; wait a moment and try again.';
    default: return `The server answered ${status}.`;
  }
}

/** Called with a sentence when the session is missing or has ended. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

export async function parseError(status, text) {
  try {
    const body = JSON.parse(text);
    if (body && (body.error || body.detail)) {
      return new ApiError(status, body.error, body.detail);
    }
  } catch (_) { /* not JSON */ }
  return new ApiError(status, `http_${status}`, describeStatus(status));
}

/**
 * Calls the API. options: method, body (an object sent as JSON), query (object of parameters,
 * empty values left out), quiet401 (do not redirect on 401, e.g. for the sign-in form).
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json' };
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let url = path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.append(key, value);
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', describeStatus(0));
  }
  const text = await response.text();
  if (!response.ok) {
    const error = await parseError(response.status, text);
    if (response.status === 401 && !options.quiet401) {
      clearSession();
      unauthorizedHandler('Your session has ended. Please sign in again.');
    }
    throw error;
  }
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (_) {
    return text;
  }
}

export const get = (path, query) => api(path, { query });
export const post = (path, body) => api(path, { method: 'POST', body });
export const put = (path, body) => api(path, { method: 'PUT', body });
export const patch = (path, body) => api(path, { method: 'PATCH', body });
export const del = (path) => api(path, { method: 'DELETE' });

/** Uploads a file as multipart with progress (XMLHttpRequest reports upload progress, fetch does not). */
export function upload(path, field, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try { resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null); } catch (_) { resolve(null); }
      } else {
        if (xhr.status === 401) {
          clearSession();
          unauthorizedHandler('Your session has ended. Please sign in again.');
        }
        reject(await parseError(xhr.status, xhr.responseText));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', describeStatus(0))));
    const form = new FormData();
    form.append(field, file);
    xhr.send(form);
  });
}

// --- session bookkeeping (the cookie itself is HttpOnly; we only remember when it expires) ---

export function rememberSession(expiresAt) {
  if (!expiresAt) return;
  localStorage.setItem(EXPIRY_KEY, expiresAt);
  scheduleRefresh();
}

export function clearSession() {
  localStorage.removeItem(EXPIRY_KEY);
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = null;
}

/** True when a session we were given has not yet expired (the server still has the last word). */
export function hasSession() {
  const expires = Date.parse(localStorage.getItem(EXPIRY_KEY) || '');
  return Number.isFinite(expires) && expires > Date.now();
}

export function scheduleRefresh() {
  if (refreshTimer) clearTimeout(refreshTimer);
  const expires = Date.parse(localStorage.getItem(EXPIRY_KEY) || '');
  if (!Number.isFinite(expires)) return;
  const delay = Math.max(5000, expires - REFRESH_MARGIN_MS - Date.now());
  refreshTimer = setTimeout(refreshNow, Math.min(delay, 2 ** 31 - 1));
}

async function refreshNow() {
  try {
    const session = await api('/api/v1/auth/refresh', { method: 'POST' });
    rememberSession(session.expires_at);
  } catch (e) {
    if (e.status !== 401) {
      // Try again shortly (network trouble, rate limit); a 401 has already sent us to sign-in.
      refreshTimer = setTimeout(refreshNow, 30000);
    }
  }
}
