// Statistics as charts (Chart.js from its WebJar, loaded as a classic script: window.Chart).
import { get } from './api.js';
import { state, loadCameras } from './state.js';
import { h, field, select, errorBox, VIOLATION_TYPES } from './ui.js';

const COLORS = { frames: '#2e7d32', rate: '#6a1b9a' };

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

export async function render(container) {
  await loadCameras();
  const range = select([['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days'], ['365', 'Last 365 days']],
    '30', { id: 'stats-range' });
  const camera = select([['', 'All cameras'], ...[...state.cameras.values()].map((c) => [c.id, c.name])], '',
    { id: 'stats-camera' });
  const error = errorBox();
  const kpis = h('div', { class: 'kpis', id: 'stats-kpis' });
  const canvases = {
    daily: h('canvas', { id: 'chart-daily', role: 'img', 'aria-label': 'Violations per day by type' }),
    cameras: h('canvas', { id: 'chart-cameras', role: 'img', 'aria-label': 'Violations per camera' }),
    compliance: h('canvas', { id: 'chart-compliance', role: 'img', 'aria-label': 'Violations per 1,000 frames analysed, per day' }),
    frames: h('canvas', { id: 'chart-frames', role: 'img', 'aria-label': 'Frames analysed per day' }),
  };
  const box = (title, canvas, note) => h('section', { class: 'card' }, h('h2', {}, title),
    note ? h('p', { class: 'hint' }, note) : null, h('div', { class: 'chart-box' }, canvas));
  container.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Statistics'),
      h('div', { class: 'filters' }, field('Period', range), field('Camera', camera))),
    error, kpis,
    h('div', { class: 'charts' },
      box('Violations per day', canvases.daily),
      box('Violations per camera', canvases.cameras),
      box('Compliance trend', canvases.compliance, 'Violations per 1,000 frames analysed (lower is better).'),
      box('Frames analysed per day', canvases.frames)));

  const charts = [];
  const destroy = () => { while (charts.length) charts.pop().destroy(); };

  async function load() {
    error.clear();
    if (!window.Chart) {
      error.show('The chart library did not load; reload the page.');
      return;
    }
    const to = new Date();
    const from = new Date(to.getTime() - (Number(range.value) - 1) * 86400000);
    try {
      const [daily, summary] = await Promise.all([
        get('/api/v1/stats/daily', { from: isoDay(from), to: isoDay(to), camera_id: camera.value }),
        get('/api/v1/stats/summary'),
      ]);
      renderKpis(kpis, summary);
      destroy();
      charts.push(...draw(canvases, daily));
    } catch (e) {
      error.show(e);
    }
  }

  range.addEventListener('change', load);
  camera.addEventListener('change', load);
  await load();
  return destroy;
}

function renderKpis(kpis, summary) {
  const kpi = (label, value) => h('div', { class: 'kpi' }, h('div', { class: 'kpi-value' }, String(value)),
    h('div', { class: 'kpi-label' }, label));
  kpis.replaceChildren(
    kpi('Violations today', summary.today_counts.total_violations),
    kpi('Violations, last 7 days', summary.last_7_days.total_violations),
    kpi('Not yet acknowledged', summary.unacknowledged),
    kpi('Cameras online', `${summary.cameras.online} / ${summary.cameras.total}`));
}

function draw(canvases, daily) {
  const { Chart } = window;
  const labels = daily.days.map((d) => d.date);
  const common = { responsive: true, maintainAspectRatio: false, animation: { duration: 300 } };
  const stackedByType = (rows, get) => VIOLATION_TYPES.map(({ type, label, color }) => (
    { label, data: rows.map((r) => get(r)[type]), backgroundColor: color }));
  const stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } };
  const charts = [];
  charts.push(new Chart(canvases.daily, {
    type: 'bar',
    data: { labels, datasets: stackedByType(daily.days, (d) => d.counts) },
    options: { ...common, scales: stacked },
  }));
  charts.push(new Chart(canvases.cameras, {
    type: 'bar',
    data: { labels: daily.by_camera.map((c) => c.camera_name), datasets: stackedByType(daily.by_camera, (c) => c.counts) },
    options: { ...common, indexAxis: daily.by_camera.length > 6 ? 'y' : 'x', scales: stacked },
  }));
  charts.push(new Chart(canvases.compliance, {
    type: 'line',
    data: {
      labels,
      datasets: [{
        label: 'Violations per 1,000 frames',
        data: daily.days.map((d) => (d.counts.frames_processed > 0
          ? Math.round((d.counts.total_violations * 1000 * 100) / d.counts.frames_processed) / 100 : null)),
        borderColor: COLORS.rate, backgroundColor: COLORS.rate, spanGaps: true, tension: 0.25,
      }],
    },
    options: { ...common, scales: { y: { beginAtZero: true } } },
  }));
  charts.push(new Chart(canvases.frames, {
    type: 'line',
    data: {
      labels,
      datasets: [{
        label: 'Frames analysed', data: daily.days.map((d) => d.counts.frames_processed),
        borderColor: COLORS.frames, backgroundColor: 'rgba(46,125,50,.15)', fill: true, tension: 0.25,
      }],
    },
    options: { ...common, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }));
  return charts;
}
