import '../map.css';
import { COLOUR_BY, type ColourBy } from './colours';
import { MapModel } from './model';
import { type Hit, MapRenderer } from './renderer';
import { type BerthChart, BerthChartView, type DrawnBox } from './berth';
import { craneBars, craneShiftStrips, type Kpis, vesselBars } from './kpi';
import { bayView } from './bay';
import { rehandleBars, truckTurnHistogram, type YardKpis, yardFillMap } from './yardkpi';
import { reportImage, scenarioChoices, type TwinReport, whatIfBars } from './whatif';
import { type Explanation, explanationHtml } from './explain';
import type { AlertJson, Delta, Instruction, Layout, Snapshot } from '../shared/types';
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
  vesselSpan: (id: string) => [number, number] | null;
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
const YARD_KPI_REFRESH_MS = 15_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let session: Session;
let quayCranes: string[] = [];
let refreshWhatIfChoices: (() => void) | null = null;

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
    vesselSpan: (id) => renderer.vesselSpan(id),
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

  setUpAcknowledge(model);
  connect(model, renderer, probe);
  startBerthChart();
  startKpis();
  startYardKpis();
  setUpMoveDrag(canvas, renderer);
  if (session.permissions.includes('RUN_WHAT_IF')) {
    setUpWhatIf(layout.blocks.map((b) => b.id), () => [...model.calls.keys()].sort());
  }
}

function startYardKpis(): void {
  const load = () => getJson<YardKpis>('/api/map/kpis/yard').then((k) => {
    $('yard-fill-total').textContent = `${k.teu} of ${k.capacityTeu} TEU · ${(100 * k.teu / Math.max(1, k.capacityTeu)).toFixed(0)} % full`;
    $('kpi-yard-box').innerHTML = yardFillMap(k);
    $('kpi-rehandle-box').innerHTML = rehandleBars(k);
    $('kpi-truck-box').innerHTML = truckTurnHistogram(k);
  }).catch((e) => { $('kpi-yard-box').textContent = String(e.message ?? e); });
  void load();
  setInterval(() => void load(), YARD_KPI_REFRESH_MS);
}

/**
 * The what-if panel: the twin runs on the server for as long as it takes (one at a time there), the page waits for
 * its answer and draws it.
 */
function setUpWhatIf(blocks: string[], calls: () => string[]): void {
  $('whatif').hidden = false;
  const select = $<HTMLSelectElement>('whatif-scenario');
  const fill = () => {
    const choices = scenarioChoices(quayCranes, calls(), blocks);
    if (choices.map((c) => c.text).join('\n') === [...select.options].map((o) => o.value).join('\n')) return;
    const chosen = select.value;
    select.innerHTML = '';
    for (const c of choices) select.add(new Option(c.label, c.text));
    if (chosen && choices.some((c) => c.text === chosen)) select.value = chosen;
  };
  fill();
  // the vessel calls arrive with the stream's snapshot and change with it
  refreshWhatIfChoices = fill;
  $('whatif-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const button = $<HTMLButtonElement>('whatif-run');
    const status = $('whatif-status');
    const hours = Number($<HTMLInputElement>('whatif-hours').value);
    button.disabled = true;
    status.className = 'muted';
    status.textContent = `the twin runs ${hours} h from the live yard, with and without it…`;
    $('whatif-result').innerHTML = '';
    void fetch('/api/twin', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ hours, scenarios: [select.value] }),
    }).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error ?? `${response.status}`);
      const report = body as TwinReport;
      status.textContent = `${report.hours} h from ${report.from.slice(0, 16)}: ${report.yardContainers} boxes in the yard, ${report.vesselCalls} vessel calls`;
      $('whatif-result').innerHTML = whatIfBars(report) + reportImage(report);
      $('whatif-result').dataset.scenarios = String(report.scenarios.length);
    }).catch((err) => {
      status.className = 'error';
      status.textContent = `no what-if: ${String(err.message ?? err)}`;
    }).finally(() => { button.disabled = false; });
  });
}

/**
 * Drag and drop of a quay crane's open move from its panel onto another quay crane on the map: the same override
 * the panel's menu asks for, answered under the move and beside the drop.
 */
function setUpMoveDrag(canvas: HTMLCanvasElement, renderer: MapRenderer): void {
  const ghost = $('drag-ghost');
  const dropped = $('drop-result');
  let dragging: { moves: HTMLElement[]; from: string } | null = null;
  const craneUnder = (e: MouseEvent): string | null => {
    const r = canvas.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) return null;
    const hit = renderer.hit(e.clientX - r.left, e.clientY - r.top);
    return hit?.kind === 'machine' && quayCranes.includes(hit.id) ? hit.id : null;
  };
  $('details').addEventListener('mousedown', (e) => {
    const handle = (e.target as HTMLElement).closest<HTMLElement>('.drag-move');
    if (!handle) return;
    // a move's own handle drags that move; the crane's handle every move of its list not under way
    const one = handle.closest<HTMLElement>('li[data-instruction]');
    const moves = one ? [one] : [...$('details').querySelectorAll<HTMLElement>(
      'li.wi-planned[data-instruction], li.wi-dispatched[data-instruction], li.wi-suspended[data-instruction]')];
    if (moves.length === 0) return;
    e.preventDefault();
    dragging = { moves, from: handle.dataset.crane! };
    ghost.textContent = `${one ? one.querySelector('b')?.textContent : `${moves.length} moves`} → drop on a quay crane`;
    ghost.hidden = false;
    document.body.classList.add('dragging-move');
  });
  window.addEventListener('mousemove', (e) => {
    if (!dragging) return;
    const r = canvas.parentElement!.getBoundingClientRect();
    ghost.style.left = `${e.clientX - r.left + 12}px`;
    ghost.style.top = `${e.clientY - r.top + 12}px`;
    const crane = craneUnder(e);
    ghost.classList.toggle('over-crane', crane !== null && crane !== dragging.from);
    if (crane && crane !== dragging.from) {
      ghost.textContent = `${dragging.moves.length === 1 ? dragging.moves[0].dataset.instruction : `${dragging.moves.length} moves`} → put on ${crane}`;
    }
  });
  window.addEventListener('mouseup', (e) => {
    if (!dragging) return;
    const { moves, from } = dragging;
    dragging = null;
    ghost.hidden = true;
    document.body.classList.remove('dragging-move');
    const crane = craneUnder(e);
    if (!crane || crane === from) return;
    const r = canvas.parentElement!.getBoundingClientRect();
    dropped.style.left = `${e.clientX - r.left + 12}px`;
    dropped.style.top = `${e.clientY - r.top - 12}px`;
    dropped.hidden = false;
    dropped.className = '';
    delete dropped.dataset.outcome;
    dropped.textContent = `asking the crane scheduler to put ${moves.length === 1 ? moves[0].dataset.instruction : `${moves.length} moves`} on ${crane}…`;
    // one override per move, one after another: each is the scheduler's decision and its own audit row
    void (async () => {
      const refusals: string[] = [];
      let accepted = 0;
      let version: number | undefined;
      for (const li of moves) {
        const instruction = li.dataset.instruction!;
        const answer = await override(instruction, crane);
        const shown = li.querySelector<HTMLElement>('.override-result');
        if (answer.outcome === 'ACCEPTED') { accepted++; version = answer.planVersion; }
        else refusals.push(`${instruction}: ${(answer.reasons ?? [answer.error ?? 'no reason given']).join('; ')}`);
        if (shown) {
          shown.dataset.outcome = answer.outcome;
          shown.dataset.crane = crane;
          shown.className = `override-result ${answer.outcome === 'ACCEPTED' ? 'accepted' : 'refused'}`;
          shown.textContent = answer.outcome === 'ACCEPTED' ? `✔ on ${crane}: crane plan version ${answer.planVersion}`
            : `✖ refused: ${(answer.reasons ?? [answer.error ?? 'no reason given']).join('; ')}`;
        }
      }
      const outcome = refusals.length === 0 ? 'ACCEPTED' : accepted === 0 ? 'REFUSED' : 'PARTLY';
      dropped.dataset.outcome = outcome;
      dropped.dataset.accepted = String(accepted);
      dropped.dataset.crane = crane;
      dropped.className = outcome === 'ACCEPTED' ? 'accepted' : 'refused';
      dropped.textContent = moves.length === 1
        ? (outcome === 'ACCEPTED' ? `✔ ${moves[0].dataset.instruction} on ${crane}: crane plan version ${version}` : `✖ refused: ${refusals[0]}`)
        : `${outcome === 'ACCEPTED' ? '✔' : '✖'} ${accepted} of ${moves.length} moves on ${crane}${version === undefined ? '' : `, crane plan version ${version}`}${refusals.length ? `; refused: ${refusals.join(' | ')}` : ''}`;
      setTimeout(() => { dropped.hidden = true; }, 8000);
    })();
  });
}

function startKpis(): void {
  const load = () => getJson<Kpis>('/api/map/kpis').then((k) => {
    $('kpi-crane-box').innerHTML = k.cranes.length ? craneBars(k.cranes) : '<p class="muted">no quay crane reports yet</p>';
    $('kpi-vessel-box').innerHTML = k.vessels.length ? vesselBars(k.vessels, k.at) : '<p class="muted">no vessel alongside</p>';
    $('kpi-shift-box').innerHTML = k.shift?.cranes.length ? craneShiftStrips(k.shift) : '<p class="muted">no quay crane seen this shift</p>';
    $('shift-span').textContent = k.shift ? `${k.shift.start.slice(11, 16)}–${k.shift.end.slice(11, 16)}` : '';
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
    getJson<StackDetail>(`/api/map/stacks/${hit.key}`).then((s) => {
      panel.innerHTML = stackHtml(s);
      wireStackControl(panel, () => select(hit, renderer, model));
      wireHoldControl(panel, () => select(hit, renderer, model));
    })
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
      <td>${d ? `${d.sizeType} · ${(d.weightKg / 1000).toFixed(1)} t · ${d.line} · ${d.portOfDischarge} ${marks}` : ''}</td>
      <td class="holds"${t.container ? ` data-container="${escapeHtml(t.container)}"` : ''}></td></tr>`;
  }).join('');
  const closed = s.tiers.length > 0 && s.tiers.every((t) => t.closed);
  return `<h2>Stack ${s.stack}</h2><p>${s.height} of ${s.maxTiers} tiers${s.plugged ? ' · reefer plugs' : ''}</p>
    <p class="stack-state" data-closed="${closed}">${closed ? '⛔ closed to new containers' : 'open'}</p>
    <table class="tiers"><tr><th>Tier</th><th>Container</th><th></th><th>Holds</th></tr>${rows}</table>${stackControl(s.stack, closed)}
    ${holdControl(s.tiers.map((t) => t.container).filter((c): c is string => c !== null))}`;
}

interface ContainerHolds { container: string; holds: { kind: string; reason: string; placedBy: string }[] }

/** A supervisor's hold or release of a container in the stack, with the reason the audit trail and the gate keep. */
function holdControl(containers: string[]): string {
  if (!session.permissions.includes('HOLD_CONTAINERS') || containers.length === 0) return '';
  return `<form class="hold-control">
    <select class="hold-container" aria-label="container to hold or release">
      ${containers.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join('')}</select>
    <input class="hold-reason" placeholder="reason (kept in the audit trail, shown at the gate)" required>
    <button type="submit" data-action="hold">Hold container</button>
    <button type="submit" data-action="release">Release hold</button><div class="hold-result"></div></form>`;
}

/** Fills each container's holds (every kind: customs, line, terminal) and wires the supervisor's hold form. */
function wireHoldControl(panel: HTMLElement, reload: () => void): void {
  panel.querySelectorAll<HTMLElement>('td.holds[data-container]').forEach((cell) => {
    getJson<ContainerHolds>(`/api/map/containers/${encodeURIComponent(cell.dataset.container!)}/holds`)
      .then((h) => {
        cell.classList.toggle('held', h.holds.length > 0);
        cell.textContent = h.holds.map((x) => `⛔ held: ${x.reason} (${x.kind.toLowerCase()}, ${x.placedBy})`).join('; ');
      })
      .catch(() => { cell.textContent = '?'; });
  });
  const form = panel.querySelector<HTMLFormElement>('form.hold-control');
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    const action = (e.submitter as HTMLButtonElement | null)?.dataset.action ?? 'hold';
    const result = form.querySelector<HTMLElement>('.hold-result')!;
    const container = form.querySelector<HTMLSelectElement>('.hold-container')!.value;
    const reason = form.querySelector<HTMLInputElement>('.hold-reason')!.value;
    void fetch(`/api/map/containers/${encodeURIComponent(container)}/${action}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason }),
    }).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error ?? body.refusal ?? `${response.status}`);
      reload();
    }).catch((err) => { result.textContent = `✖ ${String(err.message ?? err)}`; });
  });
}

/** A supervisor's close or reopen of the stack, with the reason the audit trail keeps. */
function stackControl(stack: string, closed: boolean): string {
  if (!session.permissions.includes('CONTROL_YARD')) return '';
  return `<form class="stack-control" data-stack="${escapeHtml(stack)}" data-action="${closed ? 'open' : 'close'}">
    <input class="stack-reason" placeholder="reason (kept in the audit trail)" required>
    <button type="submit">${closed ? 'Reopen stack' : 'Close stack'}</button><div class="stack-result"></div></form>`;
}

function wireStackControl(panel: HTMLElement, reload: () => void): void {
  const form = panel.querySelector<HTMLFormElement>('form.stack-control');
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    const result = form.querySelector<HTMLElement>('.stack-result')!;
    const reason = form.querySelector<HTMLInputElement>('.stack-reason')!.value;
    void fetch(`/api/map/stacks/${encodeURIComponent(form.dataset.stack!)}/${form.dataset.action}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason }),
    }).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error ?? (body.refusals ?? []).join('; ') ?? `${response.status}`);
      reload();
    }).catch((err) => { result.textContent = `✖ ${String(err.message ?? err)}`; });
  });
}

/** A move a hold keeps back says why (the hold's reason); a driver's exception shows its code. */
function exceptionText(exception: { code: string; text: string }): string {
  return exception.code === 'HELD' ? `held: ${exception.text}` : exception.code;
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
    : `<ol class="instructions">${m.instructions.map((i) => `<li class="wi-${i.state.toLowerCase()}" data-instruction="${i.id}"${i.exception?.code === 'HELD' ? ` data-held="${escapeHtml(i.exception.text)}"` : ''}>
        <b>${i.container}</b> ${i.kind} · ${i.state}${i.exception ? ` (${escapeHtml(exceptionText(i.exception))})` : ''}<br>
        <small>${escapeHtml(i.from)} → ${escapeHtml(i.to)}</small>${overrideHtml(m, i)}</li>`).join('')}</ol>`;
  const movable = m.instructions.filter((i) => i.state === 'PLANNED' || i.state === 'DISPATCHED' || i.state === 'SUSPENDED');
  const dragAll = quayCranes.includes(m.machine) && movable.length > 1 && session.permissions.includes('OVERRIDE_PLAN')
    ? ` <span class="drag-move drag-work" data-crane="${m.machine}" title="drag onto another quay crane on the map">⠿ drag all ${movable.length} moves not under way</span>`
    : '';
  return `<h2>${m.machine}</h2>${state}<h3>Current and next work${dragAll}</h3>${list}`;
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
  return `<div class="override">${why} <span class="drag-move" data-crane="${m.machine}" title="drag onto another quay crane on the map">⠿ drag to a crane</span>
    <select class="override-crane" aria-label="crane for ${i.id}">
      ${others.map((c) => `<option value="${c}">${c}</option>`).join('')}</select>
    <button type="button" class="override-button">Put on crane</button>
    <div class="override-result"></div></div>`;
}

function wireOverrides(panel: HTMLElement): void {
  panel.querySelectorAll<HTMLLIElement>('li[data-instruction]').forEach((li) => {
    li.querySelector<HTMLButtonElement>('.explain-button')?.addEventListener('click', () => {
      panel.querySelector('#explanation')?.remove();
      getJson<Explanation>(`/api/map/explain/${encodeURIComponent(li.dataset.instruction!)}`)
        .then((e) => panel.insertAdjacentHTML('beforeend', explanationHtml(e, li.dataset.held)))
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
  refreshWhatIfChoices?.();
  const alerts = [...model.alerts.values()];
  $('alert-count').textContent = String(alerts.length);
  $('alerts').innerHTML = alerts.length === 0 ? '<li class="muted">no active alerts</li>'
    : alerts.slice(0, 200).map((a) => `<li class="sev-${a.severity.toLowerCase()}" data-alert="${escapeHtml(a.key)}"><b>${escapeHtml(a.subject)}</b>
        ${escapeHtml(a.kind)}<br><small>${escapeHtml(a.text)}</small>${acknowledgement(a)}</li>`).join('');
}

function acknowledgement(a: AlertJson): string {
  if (a.acknowledgedBy) return `<div class="acknowledged">✔ seen by ${escapeHtml(a.acknowledgedBy)}</div>`;
  return session.permissions.includes('ACKNOWLEDGE_ALERTS')
    ? '<button type="button" class="acknowledge">Acknowledge</button>' : '';
}

/** One listener for the alert list's buttons: the list is redrawn as alerts come and go. */
function setUpAcknowledge(model: MapModel): void {
  $('alerts').addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.acknowledge');
    const li = button?.closest<HTMLElement>('li[data-alert]');
    if (!button || !li) return;
    button.disabled = true;
    const key = li.dataset.alert!;
    void fetch('/api/map/alerts/acknowledge', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alert: key }),
    }).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error ?? `${response.status}`);
      const alert = model.alerts.get(key);
      if (alert) alert.acknowledgedBy = body.acknowledgedBy;
      refreshPanels(model);
    }).catch((err) => {
      button.disabled = false;
      button.insertAdjacentHTML('afterend', `<div class="error">${escapeHtml(String(err.message ?? err))}</div>`);
    });
  });
}

start().catch((e) => {
  $('connection').textContent = `cannot start: ${e}`;
  $('connection').className = 'down';
});
