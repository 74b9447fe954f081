import '../map.css';
import { COLOUR_BY, type ColourBy } from './colours';
import { MapModel } from './model';
import { type Hit, MapRenderer } from './renderer';
import type { Delta, Instruction, Layout, Snapshot } from '../shared/types';
import { escapeHtml, getJson } from '../shared/http';

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

declare global {
  interface Window { portopsMap: MapProbe }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function start(): Promise<void> {
  const layout = await getJson<Layout>('/api/layout');
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
    getJson<MachineDetail>(`/api/map/machines/${hit.id}`).then((m) => { panel.innerHTML = machineHtml(m); })
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
      <tr><th>Aboard now</th><td id="aboard">${aboard}</td></tr></table>`;
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
    : `<ol class="instructions">${m.instructions.map((i) => `<li class="wi-${i.state.toLowerCase()}">
        <b>${i.container}</b> ${i.kind} · ${i.state}${i.exception ? ` (${escapeHtml(i.exception.code)})` : ''}<br>
        <small>${escapeHtml(i.from)} → ${escapeHtml(i.to)}</small></li>`).join('')}</ol>`;
  return `<h2>${m.machine}</h2>${state}<h3>Current and next work</h3>${list}`;
}

function connect(model: MapModel, renderer: MapRenderer, probe: MapProbe): void {
  const status = $('connection');
  const source = new EventSource('/api/map/stream');
  source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'live'; probe.connected = true; });
  source.addEventListener('error', () => {
    // EventSource reconnects by itself; the server starts a reconnected stream with a fresh snapshot
    status.textContent = 'reconnecting…'; status.className = 'down'; probe.connected = false;
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
