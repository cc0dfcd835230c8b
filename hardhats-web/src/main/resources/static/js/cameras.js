// Cameras: the list for everyone; for admins, the create/edit form with the zone editor,
// connection test and placeholder video upload.
import { get, post, put, del, upload } from './api.js';
import { state, loadCameras, isAdmin } from './state.js';
import { navigate } from './app.js';
import { h, field, checkboxField, select, errorBox, toast, cameraBadge, formatTime, formatPercent } from './ui.js';
import { createZoneEditor } from './zone-editor.js';

export async function render(container, params) {
  const [id] = params;
  if (id && isAdmin()) return renderForm(container, id === 'new' ? null : id);
  return renderList(container);
}

async function renderList(container) {
  const cameras = await loadCameras();
  const add = isAdmin() ? h('a', { class: 'btn btn-primary', href: '#/cameras/new', id: 'add-camera' }, 'Add camera') : null;
  container.append(h('div', { class: 'page-head' }, h('h1', {}, 'Cameras'), add));
  if (!isAdmin()) {
    container.append(h('p', { class: 'muted' }, 'Only administrators can add or change cameras.'));
  }
  if (cameras.length === 0) {
    container.append(h('div', { class: 'card empty' }, h('p', {}, isAdmin()
      ? 'No cameras yet. Use “Add camera” to connect the first one.'
      : 'No cameras yet.')));
    return null;
  }
  const error = errorBox();
  const tbody = h('tbody', {});
  for (const camera of cameras) {
    const badge = cameraBadge(camera);
    const buttons = h('div', { class: 'btn-row' });
    const actions = h('td', {}, buttons);
    if (isAdmin()) {
      buttons.append(h('a', { class: 'btn btn-small', href: `#/cameras/${camera.id}` }, 'Edit'));
      const remove = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, 'Delete');
      remove.addEventListener('click', async () => {
        if (!confirm(`Delete the camera “${camera.name}”? Its events stay.`)) return;
        try {
          await del(`/api/v1/cameras/${camera.id}`);
          toast(`Deleted ${camera.name}`);
          navigate('#/cameras');
        } catch (e) {
          error.show(e);
        }
      });
      buttons.append(remove);
    }
    tbody.append(h('tr', { 'data-camera-id': camera.id },
      h('td', {}, h('strong', {}, camera.name), camera.zone ? h('div', { class: 'hint' }, camera.zone) : null),
      h('td', {}, h('span', { class: `badge ${badge.cls}` }, badge.text),
        camera.status === 'error' && camera.error_message ? h('div', { class: 'hint' }, camera.error_message) : null),
      h('td', {}, camera.source_type === 'rtsp' ? (camera.rtsp_url || '–') : 'video file'),
      h('td', {}, `${camera.inference_width}×${camera.inference_height}`),
      h('td', {}, `${camera.target_fps} fps`),
      h('td', {}, camera.detection_mode),
      h('td', {}, camera.is_active ? 'yes' : 'no'),
      h('td', {}, formatTime(camera.last_seen)),
      isAdmin() ? actions : null));
  }
  container.append(error, h('div', { class: 'card table-wrap' }, h('table', { id: 'cameras-table' },
    h('thead', {}, h('tr', {}, ['Name', 'Status', 'Source', 'Analysis size', 'Rate', 'Detection', 'Active', 'Last seen',
      ...(isAdmin() ? ['Actions'] : [])].map((t) => h('th', { scope: 'col' }, t)))),
    tbody)));
  return null;
}

async function renderForm(container, id) {
  const [presets, camera] = await Promise.all([
    get('/api/v1/cameras/presets'),
    id ? get(`/api/v1/cameras/${id}`) : Promise.resolve(null),
  ]);
  const d = presets.defaults;
  const c = camera || {
    name: '', zone: '', source_type: 'rtsp', rtsp_url: '', has_credentials: false, use_placeholder: false,
    inference_width: d.inference_width, inference_height: d.inference_height, target_fps: d.target_fps,
    confidence_threshold: d.confidence_threshold, detection_mode: 'ppe', zone_polygon: [], is_active: true,
  };

  const error = errorBox();
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: '120', value: c.name });
  const zone = h('input', { type: 'text', name: 'zone', maxlength: '120', value: c.zone || '' });
  const sourceType = select([['rtsp', 'RTSP camera'], ['file', 'Video file (placeholder)']], c.source_type,
    { name: 'source_type' });
  const rtspUrl = h('input', { type: 'text', name: 'rtsp_url', inputmode: 'url', spellcheck: 'false',
    placeholder: 'rtsp://192.0.2.10:554/stream1', value: c.rtsp_url || '' });
  const username = h('input', { type: 'text', name: 'username', autocomplete: 'off', spellcheck: 'false',
    placeholder: c.has_credentials ? 'unchanged' : '' });
  const password = h('input', { type: 'password', name: 'camera_password', autocomplete: 'new-password',
    placeholder: c.has_credentials ? 'unchanged' : '' });
  const removeCredentials = h('input', { type: 'checkbox', name: 'remove_credentials' });
  const credentialsNote = c.has_credentials
    ? h('div', { class: 'ok-box small', id: 'credentials-stored' }, 'Credentials stored (encrypted). Leave the fields blank to keep them.')
    : h('p', { class: 'hint' }, 'Optional. Credentials in the URL (rtsp://user:pass@host/…) are moved out of it and stored encrypted.');

  const presetKey = (w, hh) => {
    const p = presets.resolutions.find((r) => r.width === w && r.height === hh);
    return p ? p.name : 'custom';
  };
  const resolution = select([...presets.resolutions.map((r) => [r.name, `${r.width} × ${r.height}`]), ['custom', 'Custom…']],
    presetKey(c.inference_width, c.inference_height), { name: 'resolution' });
  const resolutionHint = h('span', { class: 'hint', id: 'resolution-hint' });
  const sizeAttrs = (value) => ({ type: 'number', min: String(presets.custom_resolution.min),
    max: String(presets.custom_resolution.max), step: String(presets.custom_resolution.multiple_of || 32), value: String(value) });
  const width = h('input', { ...sizeAttrs(c.inference_width), name: 'inference_width' });
  const height = h('input', { ...sizeAttrs(c.inference_height), name: 'inference_height' });
  const custom = h('div', { class: 'form-grid' }, field('Width (px)', width), field('Height (px)', height));

  const fps = h('input', { type: 'number', name: 'target_fps', min: String(presets.fps_range.min),
    max: String(presets.fps_range.max), step: '0.05', value: String(c.target_fps) });
  const fpsGuide = h('ul', { class: 'fps-guide', id: 'fps-guide' },
    presets.fps.map((rate) => h('li', { 'data-value': String(rate.value) }, `${rate.value} fps: ${rate.use_case}`)));
  const confidence = h('input', { type: 'range', id: 'camera-confidence', name: 'confidence_threshold', min: String(presets.confidence_threshold.min),
    max: String(presets.confidence_threshold.max), step: '0.05', value: String(c.confidence_threshold) });
  const confidenceOut = h('output', { for: 'camera-confidence', id: 'camera-confidence-value' });
  const mode = select([['ppe', 'PPE (hard hat and vest)'], ['zone', 'Forbidden zone'], ['ppe+zone', 'PPE and forbidden zone']],
    c.detection_mode, { name: 'detection_mode' });
  const usePlaceholder = h('input', { type: 'checkbox', name: 'use_placeholder', checked: !!c.use_placeholder });
  const active = h('input', { type: 'checkbox', name: 'is_active', checked: c.is_active !== false });
  const editor = createZoneEditor({ cameraId: id, points: c.zone_polygon || [] });

  function syncResolution() {
    const preset = presets.resolutions.find((r) => r.name === resolution.value);
    custom.hidden = !!preset;
    if (preset) {
      width.value = String(preset.width);
      height.value = String(preset.height);
      resolutionHint.textContent = preset.use_case;
    } else {
      resolutionHint.textContent = `Any size from ${presets.custom_resolution.min} to ${presets.custom_resolution.max} px in steps of ${presets.custom_resolution.multiple_of || 32}.`;
    }
  }
  function syncFps() {
    const value = Number(fps.value);
    let best = null;
    for (const li of fpsGuide.children) {
      if (best === null || Math.abs(Number(li.dataset.value) - value) < Math.abs(Number(best.dataset.value) - value)) best = li;
    }
    for (const li of fpsGuide.children) li.classList.toggle('current', li === best);
  }
  function syncConfidence() {
    confidenceOut.textContent = formatPercent(Number(confidence.value));
  }
  function syncSource() {
    rtspFields.hidden = sourceType.value !== 'rtsp';
  }
  resolution.addEventListener('change', syncResolution);
  fps.addEventListener('input', syncFps);
  confidence.addEventListener('input', syncConfidence);
  sourceType.addEventListener('change', syncSource);

  function connection() {
    const body = { name: name.value.trim(), source_type: sourceType.value };
    if (sourceType.value === 'rtsp') body.rtsp_url = rtspUrl.value.trim();
    if (removeCredentials.checked) {
      body.username = '';
    } else if (username.value || password.value) {
      body.username = username.value;
      body.password = password.value;
    }
    return body;
  }

  // A saved camera is tested with its stored credentials; an unsaved one with what the form holds.
  const testResult = h('div', { 'aria-live': 'polite', id: 'test-result' });
  const test = h('button', { type: 'button', class: 'btn', id: 'test-connection' }, 'Test connection');
  test.addEventListener('click', () => runTest(test, testResult,
    () => (id ? post(`/api/v1/cameras/${id}/test`) : post('/api/v1/cameras/test', connection()))));

  const rtspFields = h('fieldset', { class: 'card' }, h('legend', {}, 'Connection'),
    field('RTSP URL', rtspUrl, 'rtsp:// or rtsps:// with a host, as in rtsp://192.0.2.10:554/stream1'),
    h('div', { class: 'form-grid' }, field('Username', username), field('Password', password)),
    credentialsNote,
    c.has_credentials ? checkboxField('Remove the stored credentials', removeCredentials) : null,
    h('div', { class: 'btn-row' }, test, h('span', { class: 'hint' }, id
      ? 'Opens the stream once with the saved settings.'
      : 'Opens the stream once with the address and credentials above; nothing is saved.')),
    testResult);

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'save-camera' }, id ? 'Save changes' : 'Create camera');
  const form = h('form', { id: 'camera-form', novalidate: true },
    error,
    h('fieldset', { class: 'card' }, h('legend', {}, 'Camera'),
      h('div', { class: 'form-grid' }, field('Name', name), field('Site area (optional)', zone), field('Source', sourceType)),
      checkboxField('Active (analyse this camera)', active),
      checkboxField('Show the placeholder video instead of the camera (demo mode)', usePlaceholder)),
    rtspFields,
    h('fieldset', { class: 'card' }, h('legend', {}, 'Analysis'),
      h('div', { class: 'form-grid' },
        h('div', {}, field('Analysis resolution', resolution), resolutionHint, custom),
        h('div', {}, field('Analysed frames per second', fps), fpsGuide),
        h('div', {}, field('Confidence threshold', confidence, 'Detections below this are ignored.'), confidenceOut),
        field('Detection mode', mode, 'Zone modes need a zone of at least 3 points.'))),
    h('fieldset', { class: 'card' }, h('legend', {}, 'Forbidden zone'), editor.element),
    h('div', { class: 'btn-row' }, submit, h('a', { class: 'btn', href: '#/cameras' }, 'Cancel')));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.clear();
    const zonePolygon = editor.value();
    if (zonePolygon.length > 0 && zonePolygon.length < 3) {
      error.show('A zone needs at least 3 points (or clear it).');
      return;
    }
    if (mode.value !== 'ppe' && zonePolygon.length < 3) {
      error.show('Draw the forbidden zone (at least 3 points) for this detection mode.');
      return;
    }
    const body = {
      ...connection(),
      zone: zone.value.trim(),
      use_placeholder: usePlaceholder.checked,
      inference_width: Number(width.value),
      inference_height: Number(height.value),
      target_fps: Number(fps.value),
      confidence_threshold: Number(confidence.value),
      detection_mode: mode.value,
      zone_polygon: zonePolygon,
      is_active: active.checked,
    };
    submit.disabled = true;
    try {
      const saved = id ? await put(`/api/v1/cameras/${id}`, body) : await post('/api/v1/cameras', body);
      state.cameras.set(saved.id, saved);
      toast(id ? `Saved ${saved.name}` : `Created ${saved.name}`);
      navigate('#/cameras');
    } catch (err) {
      error.show(err);
      error.scrollIntoView({ block: 'center' });
    } finally {
      submit.disabled = false;
    }
  });

  container.append(h('div', { class: 'page-head' }, h('h1', {}, id ? `Edit camera: ${c.name}` : 'Add camera')), form);
  if (id) container.append(tools(id));
  syncResolution();
  syncFps();
  syncConfidence();
  syncSource();
  return () => editor.destroy();
}

/** Runs a connection test and says what came back: the stream's format, or why it failed, in words. */
async function runTest(test, testResult, request) {
  test.disabled = true;
  testResult.replaceChildren(h('span', { class: 'muted' }, 'Testing…'));
  try {
    const result = await request();
    const ok = !result || result.ok !== false;
    const stream = ok && result && result.codec
      ? ` ${result.codec}, ${result.width}×${result.height}, ${Number(result.fps).toFixed(1)} fps`
        + (result.keyframe_interval_s != null ? `, keyframe every ${Number(result.keyframe_interval_s).toFixed(1)} s` : '')
      : '';
    testResult.replaceChildren(h('div', { class: ok ? 'ok-box' : 'error-box', role: ok ? null : 'alert' },
      ok ? `Connection works.${stream}` : 'Connection failed.', result && (result.detail || result.message)
        ? ` ${result.detail || result.message}` : ''));
  } catch (e) {
    testResult.replaceChildren(h('div', { class: 'error-box', role: 'alert' },
      e.status ? `Cannot test yet: ${e.detail}` : `No answer from the server: ${e.detail}`));
  } finally {
    test.disabled = false;
  }
}

/** Placeholder upload for a saved camera. */
function tools(id) {
  const file = h('input', { type: 'file', accept: 'video/*', name: 'placeholder', id: 'placeholder-file' });
  const progress = h('progress', { max: '1', value: '0', hidden: true, id: 'placeholder-progress', 'aria-label': 'Upload progress' });
  const uploadResult = h('div', { 'aria-live': 'polite', id: 'upload-result' });
  const send = h('button', { type: 'button', class: 'btn', id: 'upload-placeholder' }, 'Upload');
  send.addEventListener('click', async () => {
    uploadResult.replaceChildren();
    if (!file.files.length) {
      uploadResult.replaceChildren(h('div', { class: 'error-box', role: 'alert' }, 'Choose a video file first.'));
      return;
    }
    send.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    try {
      await upload(`/api/v1/cameras/${id}/placeholder`, 'file', file.files[0], (fraction) => { progress.value = fraction; });
      uploadResult.replaceChildren(h('div', { class: 'ok-box' }, 'Placeholder video uploaded.'));
    } catch (e) {
      progress.hidden = true;
      uploadResult.replaceChildren(h('div', { class: 'error-box', role: 'alert' },
        `Upload failed (${e.status || 'no answer'}): ${e.detail}`));
    } finally {
      send.disabled = false;
    }
  });

  return h('div', { class: 'charts' },
    h('section', { class: 'card' }, h('h2', {}, 'Placeholder video'),
      h('p', { class: 'hint' }, 'A video played in demo mode instead of the camera.'),
      field('Video file', file), h('div', { class: 'btn-row' }, send), progress, uploadResult));
}
