// What every page shares: who is signed in and the organisation's cameras (by id).
import { get } from './api.js';

export const state = {
  me: null,
  cameras: new Map(),
  camerasLoadedAt: 0,
  storageFull: false,
};

export function role() {
  return state.me ? state.me.role : null;
}

export function isAdmin() {
  return role() === 'admin';
}

export function canDeleteEvents() {
  return role() === 'admin' || role() === 'manager';
}

export async function loadCameras() {
  const list = await get('/api/v1/cameras');
  state.cameras = new Map(list.map((camera) => [camera.id, camera]));
  state.camerasLoadedAt = Date.now();
  return list;
}

/** What the organisation stores against its plan's limit (admins and managers may read it). */
export async function loadStorage() {
  const storage = await get('/api/v1/organization/storage');
  state.storageFull = storage.limit_reached;
  return storage;
}

/** True when a camera of the organisation streams without detection (its worker has no model). */
export function detectionOff() {
  return [...state.cameras.values()].some((camera) => camera.no_detector);
}

export function cameraName(id) {
  const camera = state.cameras.get(id);
  return camera ? camera.name : 'Unknown camera';
}

const listeners = new Set();

/** Camera status changes (from server-sent events) for whoever shows cameras. */
export function onCameraStatus(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyCameraStatus(change) {
  const camera = state.cameras.get(change.camera_id);
  if (camera) {
    camera.status = change.status;
    camera.error_message = change.error_message;
    camera.last_seen = change.last_seen;
    camera.no_detector = change.no_detector;
  }
  for (const listener of listeners) listener(change);
}
