import '../map.css';
import { COLOUR_BY, type ColourBy } from './colours';
import { MapModel } from './model';
import { type Hit, MapRenderer } from './renderer';
import { type BerthChart, BerthChartView, type DrawnBox } from './berth';
import { craneBars, type Kpis, vesselBars } from './kpi';
import { bayView } from './bay';
import { type Explanation, explanationHtml } from './explain';
import type { Delta, Instruction, Layout, Snapshot } from '../shared/types';
import { escapeHtml, getJson } from '../shared/http';
import { type Session, currentSession, showUser, signedIn } from '../shared/session';

/** What the browser tests and the benchmark read off the page. */
interface MapProbe {
  ready: boolean;
  connected: boolean;
  frames: () => number;
  drawnSerial: () => number;
  lastSerial: () => number;
  stackCount: () => number;
  containerCount: () => number;
  machineCount: () => number;
  locationOf: (container: string) => string | null;
  machineAt: (id: string) => [number, number] | null;
  /** Where on the page (CSS pixels from the viewport's corner) a stack or machine is drawn. */
  screenPointOfStack: (key: string) => [number, number] | null;
  screenPointOfMachine: (id: string) => [number, number] | null;
  screenPointOfVessel: (id: string) => [number, number] | null;
  /** Latency of the last deltas: wall-clock receive time minus the server's send time, ms. */
  latencies: number[];
  /**
   * Reading to screen: wall-clock time of the frame that showed a delta minus its oldest machine reading, ms.
   * Meaningful where the machines' clocks are the wall clock (real machines, the map benchmark), not in a
   * sped-up demo.
   */
  updateLatencies: () => number[];
  snapshots: number;
}

/** What the tests read off the berth-time chart. */
interface BerthProbe {
  version: () => number | null; boxes: () => DrawnBox[]; hovered: () => string | null;
  canvasPoint: (call: string) => [number, number] | null;
}

declare global {
  interface Window { portopsMap: MapProbe; portopsBerth: BerthProbe }
}

const BERTH_REFRESH_MS = 15_000;
const KPI_REFRESH_MS = 5_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let session: Session;
let quayCranes: string[] = [];

async function start(): Promise<void> {
  session = await signedIn('the operator map');
  showUser($('who'), session);
  const layout = await getJson<Layout>('/api/layout');
  quayCranes = layout.machines.filter((m) => m.kind === 'QUAY_CRANE').map((m) => m.id).sort();
  const model = new MapModel(layout);
  const canvas = $<HTMLCanvasElement>('map');
  const renderer = new MapRenderer(canvas, model);
  const probe: MapProbe = {
    ready: false,
    connected: false,
    frames: () => renderer.frames,
    drawnSerial: () => renderer.drawnSerial,
    lastSerial: () => model.lastSerial,
    stackCount: () => model.stacks.size,
    containerCount: () => model.boxes.size,
    machineCount: () => model.machines.size,
    locationOf: (c) => model.locationOf(c),
    machineAt: (id) => { const m = model.machines.get(id); return m ? [m.x, m.y] : null; },
    screenPointOfStack: (key) => {
      const c = renderer.stackCentre(key);
      return c ? pagePoint(renderer.toScreen(c[0], c[1])) : null;
    },
    screenPointOfMachine: (id) => {
      const m = model.machines.get(id);
      return m ? pagePoint(renderer.toScreen(m.x, m.y)) : null;
    },
    screenPointOfVessel: (id) => {
      const c = renderer.vesselCentre(id);
      return c ? pagePoint(renderer.toScreen(c[0], c[1])) : null;
    },
    latencies: [],
    updateLatencies: () => renderer.updateLatencies,
    snapshots: 0,
  };
  window.portopsMap = probe;
  const pagePoint = ([x, y]: [number, number]): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [r.left + x, r.top + y];
  };

  $('title').textContent = `${layout.name} — ${layout.terminalCode}`;
  setUpColouring(renderer);
  setUpPanZoom(canvas, renderer, model);
  const resize = () => {
    const r = canvas.parentElement!.getBoundingClientRect();
    canvas.style.width = `${r.width}px`;
    canvas.style.height = `${r.height}px`;
    renderer.resize(r.width, r.height);
  };
  window.addEventListener('resize', resize);
  resize();

  connect(model, renderer, probe);
  startBerthChart();
  startKpis();
}

function startKpis(): void {
  const load = () => getJson<Kpis>('/api/map/kpis').then((k) => {
    $('kpi-crane-box').innerHTML = k.cranes.length ? craneBars(k.cranes) : '<p class="muted">no quay crane reports yet</p>';
    $('kpi-vessel-box').innerHTML = k.vessels.length ? vesselBars(k.vessels, k.at) : '<p class="muted">no vessel alongside</p>';
  }).catch((e) => { $('kpi-crane-box').textContent = String(e.message ?? e); });
  void load();
  setInterval(() => void load(), KPI_REFRESH_MS);
}

function startBerthChart(): void {
  const view = new BerthChartView($<HTMLCanvasElement>('berth-chart'), $('berth-tip'));
  let version: number | null = null;
  window.portopsBerth = {
    version: () => version,
    boxes: () => view.boxes,
    hovered: () => view.hovered,
    canvasPoint: (call) => {
      const b = view.boxes.find((x) => x.call === call);
      if (!b) return null;
      const r = $('berth-chart').getBoundingClientRect();
      return [r.left + b.x + b.w / 2, r.top + b.y + b.h / 2];
    },
  };
  const load = () => getJson<BerthChart>('/api/map/berth-plan').then((chart) => {
    view.show(chart);
    version = chart.version;
    $('berth-version').textContent = `v${chart.version}${chart.conflicts.length ? ` · ${chart.conflicts.length} conflicts` : ''}`;
  }).catch((e) => { $('berth-version').textContent = String(e.message ?? e); });
  void load();
  setInterval(() => void load(), BERTH_REFRESH_MS);
}

function setUpColouring(renderer: MapRenderer): void {
  const select = $<HTMLSelectElement>('colour-by');
  for (const option of COLOUR_BY) {
    select.add(new Option(option.label, option.id));
  }
  select.addEventListener('change', () => renderer.setColourBy(select.value as ColourBy));
}

function setUpPanZoom(canvas: HTMLCanvasElement, renderer: MapRenderer, model: MapModel): void {
  let drag: { x: number; y: number; moved: boolean } | null = null;
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    renderer.zoomAt(e.offsetX, e.offsetY, e.deltaY < 0 ? 1.2 : 1 / 1.2);
  }, { passive: false });
  canvas.addEventListener('mousedown', (e) => { drag = { x: e.clientX, y: e.clientY, moved: false }; });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) {
      renderer.pan(dx, dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
    }
  });
  window.addEventListener('mouseup', (e) => {
    const click = drag && !drag.moved;
    drag = null;
    if (!click) return;
    const r = canvas.getBoundingClientRect();
    select(renderer.hit(e.clientX - r.left, e.clientY - r.top), renderer, model);
  });
  $('fit').addEventListener('click', () => renderer.fit());
}

function select(hit: Hit, renderer: MapRenderer, model: MapModel): void {
  renderer.selected = hit;
  renderer.request();
  const panel = $('details');
  if (!hit) { panel.innerHTML = '<p class="muted">Click a stack, a machine or a vessel.</p>'; return; }
  panel.dataset.kind = hit.kind;
  if (hit.kind === 'stack') {
    panel.innerHTML = `<h2>Stack ${hit.key}</h2><p class="muted">loading…</p>`;
    getJson<StackDetail>(`/api/map/stacks/${hit.key}`).then((s) => { panel.innerHTML = stackHtml(s); })
      .catch((e) => { panel.innerHTML = `<h2>Stack ${hit.key}</h2><p class="error">${escapeHtml(String(e))}</p>`; });
  } else if (hit.kind === 'machine') {
    panel.innerHTML = `<h2>${hit.id}</h2><p class="muted">loading…</p>`;
    getJson<MachineDetail>(`/api/map/machines/${hit.id}`).then((m) => {
      panel.innerHTML = machineHtml(m);
      wireOverrides(panel);
    })
      .catch((e) => { panel.innerHTML = `<h2>${hit.id}</h2><p class="error">${escapeHtml(String(e))}</p>`; });
  } else {
    const call = model.calls.get(hit.id);
    if (!call) return;
    let aboard = 0;
    for (const box of model.boxes.values()) if (box.location?.startsWith(`vessel:${call.id}/`)) aboard++;
    panel.innerHTML = `<h2>${escapeHtml(call.vessel)}</h2><table>
      <tr><th>Call</th><td>${call.id} · voyage ${escapeHtml(call.voyage)} · ${call.line}</td></tr>
      <tr><th>Berth</th><td>${call.berth ?? '—'}</td></tr>
      <tr><th>ETB / ETD</th><td>${call.etb ?? '—'} / ${call.etd}</td></tr>
      <tr><th>Bay plan</th><td>${call.discharge} to discharge, ${call.load} to load</td></tr>
      <tr><th>Aboard now</th><td id="aboard">${aboard}</td></tr></table>
      <h3>Bay view <small>by port of discharge</small></h3><div id="bay-view">${bayView(model, call.id)}</div>`;
  }
}

interface StackDetail {
  stack: string; maxTiers: number; plugged: boolean; height: number;
  tiers: { tier: number; status: string; container: string | null; long: boolean; closed: boolean;
    detail?: { number: string; sizeType: string; weightKg: number; line: string; portOfDischarge: string;
      category: string; reeferSetPointC?: number; imdgClass?: string } | null }[];
}
interface MachineDetail { machine: string; state: import('../shared/types').Machine | null; instructions: Instruction[] }

function stackHtml(s: StackDetail): string {
  const rows = [...s.tiers].reverse().map((t) => {
    const d = t.detail;
    const marks = d ? [d.reeferSetPointC !== undefined ? `❄ ${d.reeferSetPointC}°C` : '', d.imdgClass ? `DG ${d.imdgClass}` : '']
      .filter(Boolean).join(' ') : '';
    return `<tr class="tier ${t.status.toLowerCase()}" data-tier="${t.tier}"><th>${t.tier}</th>
      <td>${t.container ?? (t.closed ? 'closed' : '—')}${t.status === 'RESERVED' ? ' (on its way)' : ''}</td>
      <td>${d ? `${d.sizeType} · ${(d.weightKg / 1000).toFixed(1)} t · ${d.line} · ${d.portOfDischarge} ${marks}` : ''}</td></tr>`;
  }).join('');
  return `<h2>Stack ${s.stack}</h2><p>${s.height} of ${s.maxTiers} tiers${s.plugged ? ' · reefer plugs' : ''}</p>
    <table class="tiers"><tr><th>Tier</th><th>Container</th><th></th></tr>${rows}</table>`;
}

function machineHtml(m: MachineDetail): string {
  const s = m.state;
  const state = s ? `<table>
      <tr><th>Kind</th><td>${s.kind}</td></tr>
      <tr><th>Status</th><td class="status-${s.status.toLowerCase()}">${s.status}</td></tr>
      <tr><th>Position</th><td>${s.x.toFixed(1)}, ${s.y.toFixed(1)} m · ${s.speed.toFixed(1)} m/s</td></tr>
      <tr><th>Load</th><td>${s.load ?? '—'}${s.twin ? ' (twin)' : ''}</td></tr>
      <tr><th>Faults</th><td>${s.faults.length ? s.faults.map(escapeHtml).join(', ') : 'none'}</td></tr>
      <tr><th>Last seen</th><td>${s.lastSeen}</td></tr></table>` : '<p class="muted">no telemetry yet</p>';
  const list = m.instructions.length === 0 ? '<p class="muted">no open work instructions</p>'
    : `<ol class="instructions">${m.instructions.map((i) => `<li class="wi-${i.state.toLowerCase()}" data-instruction="${i.id}">
        <b>${i.container}</b> ${i.kind} · ${i.state}${i.exception ? ` (${escapeHtml(i.exception.code)})` : ''}<br>
        <small>${escapeHtml(i.from)} → ${escapeHtml(i.to)}</small>${overrideHtml(m, i)}</li>`).join('')}</ol>`;
  return `<h2>${m.machine}</h2>${state}<h3>Current and next work</h3>${list}`;
}

/**
 * Under a quay crane's open move: a button for the plan's explanation, and for an operator who may override the
 * plan a menu of the other quay cranes to put it on.
 */
function overrideHtml(m: MachineDetail, i: Instruction): string {
  if (!quayCranes.includes(m.machine)) return '';
  if (i.state === 'DONE' || i.state === 'CANCELLED' || i.state === 'FAILED') return '';
  const why = '<button type="button" class="explain-button">Why here?</button>';
  if (!session.permissions.includes('OVERRIDE_PLAN')) return `<div class="override">${why}</div>`;
  const others = quayCranes.filter((c) => c !== m.machine);
  return `<div class="override">${why} <select class="override-crane" aria-label="crane for ${i.id}">
      ${others.map((c) => `<option value="${c}">${c}</option>`).join('')}</select>
    <button type="button" class="override-button">Put on crane</button>
    <div class="override-result"></div></div>`;
}

function wireOverrides(panel: HTMLElement): void {
  panel.querySelectorAll<HTMLLIElement>('li[data-instruction]').forEach((li) => {
    li.querySelector<HTMLButtonElement>('.explain-button')?.addEventListener('click', () => {
      panel.querySelector('#explanation')?.remove();
      getJson<Explanation>(`/api/map/explain/${encodeURIComponent(li.dataset.instruction!)}`)
        .then((e) => panel.insertAdjacentHTML('beforeend', explanationHtml(e)))
        .catch((e) => panel.insertAdjacentHTML('beforeend',
          `<section id="explanation" class="error">no explanation: ${escapeHtml(String(e.message ?? e))}</section>`));
    });
    const button = li.querySelector<HTMLButtonElement>('.override-button');
    if (!button) return;
    button.addEventListener('click', () => {
      const crane = li.querySelector<HTMLSelectElement>('.override-crane')!.value;
      const result = li.querySelector<HTMLElement>('.override-result')!;
      button.disabled = true;
      result.textContent = `asking the crane scheduler to put it on ${crane}…`;
      void override(li.dataset.instruction!, crane).then((answer) => {
        result.dataset.outcome = answer.outcome;
        result.className = `override-result ${answer.outcome === 'ACCEPTED' ? 'accepted' : 'refused'}`;
        result.innerHTML = answer.outcome === 'ACCEPTED'
          ? `✔ on ${crane}: crane plan version ${answer.planVersion}`
          : `✖ refused:<ul>${(answer.reasons ?? [answer.error ?? 'no reason given']).map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`;
        button.disabled = false;
      });
    });
  });
}

interface OverrideAnswer { outcome: string; planVersion?: number; reasons?: string[]; error?: string }

async function override(instruction: string, crane: string): Promise<OverrideAnswer> {
  try {
    const response = await fetch('/api/map/override', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instruction, crane }),
    });
    const body = await response.json().catch(() => ({}));
    return response.ok ? body as OverrideAnswer : { outcome: 'REFUSED', reasons: body.reasons, error: body.error ?? `${response.status}` };
  } catch (e) {
    return { outcome: 'REFUSED', error: `not sent: ${e}` };
  }
}

function connect(model: MapModel, renderer: MapRenderer, probe: MapProbe): void {
  const status = $('connection');
  const source = new EventSource('/api/map/stream');
  source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'live'; probe.connected = true; });
  source.addEventListener('error', () => {
    // EventSource reconnects by itself after a dropped connection, and the server starts a reconnected stream with
    // a fresh snapshot; a refused one (an expired token) it gives up on, so the page asks for a sign-in again
    status.textContent = 'reconnecting…'; status.className = 'down'; probe.connected = false;
    if (source.readyState === EventSource.CLOSED) {
      void currentSession().then((s) => {
        if (s) setTimeout(() => connect(model, renderer, probe), 1000);
        else location.reload();
      }).catch(() => setTimeout(() => connect(model, renderer, probe), 1000));
    }
  });
  source.addEventListener('snapshot', (e) => {
    const snapshot = JSON.parse((e as MessageEvent<string>).data) as Snapshot;
    model.applySnapshot(snapshot);
    probe.snapshots++;
    renderer.stacksChanged();
    refreshPanels(model);
    probe.ready = true;
    document.body.dataset.ready = 'true';
  });
  source.addEventListener('delta', (e) => {
    const delta = JSON.parse((e as MessageEvent<string>).data) as Delta;
    probe.latencies.push(Date.now() - delta.sentAt);
    if (probe.latencies.length > 1000) probe.latencies.splice(0, probe.latencies.length - 1000);
    let oldest: number | null = null;
    for (const m of delta.machines) {
      const t = Date.parse(m.lastSeen);
      if (!Number.isNaN(t) && (oldest === null || t < oldest)) oldest = t;
    }
    if (delta.machines.length > 0) renderer.machinesUpdated(delta.machines, oldest);
    model.applyDelta(delta);
    if (delta.containers.length > 0 || delta.instructions.length > 0) renderer.stacksChanged();
    else renderer.request();
    if (delta.alerts.length > 0 || delta.calls.length > 0) refreshPanels(model);
    const shown = renderer.selected;
    if (shown?.kind === 'vessel' && (delta.containers.length > 0 || delta.instructions.length > 0)) {
      const bays = document.getElementById('bay-view');
      if (bays) bays.innerHTML = bayView(model, shown.id);
    }
  });
}

function refreshPanels(model: MapModel): void {
  const alerts = [...model.alerts.values()];
  $('alert-count').textContent = String(alerts.length);
  $('alerts').innerHTML = alerts.length === 0 ? '<li class="muted">no active alerts</li>'
    : alerts.slice(0, 200).map((a) => `<li class="sev-${a.severity.toLowerCase()}"><b>${escapeHtml(a.subject)}</b>
        ${escapeHtml(a.kind)}<br><small>${escapeHtml(a.text)}</small></li>`).join('');
}

start().catch((e) => {
  $('connection').textContent = `cannot start: ${e}`;
  $('connection').className = 'down';
});
