import '../cab.css';
import { type Answer, type CabCommand, newKey, Outbox } from './outbox';
import { escapeHtml } from '../shared/http';
import type { Instruction, Machine } from '../shared/types';
import { showUser, signedIn } from '../shared/session';

interface WorkList { machine: string; state: Machine | null; instructions: Instruction[] }

const EXCEPTIONS: { code: string; label: string }[] = [
  { code: 'DAMAGED', label: 'Damaged' },
  { code: 'SEAL_MISSING', label: 'Seal missing' },
  { code: 'WRONG_CONTAINER', label: 'Wrong container' },
  { code: 'CANNOT_REACH', label: 'Cannot reach' },
];
const REFRESH_MS = 1000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the browser tests read off the tablet. */
interface CabProbe { loads: number; current: () => Instruction | null; pending: () => number; answers: string[] }
declare global { interface Window { portopsCab: CabProbe } }

// the driver's token names the machine; the URL's is only a default for the sign-in (the server checks both agree)
let machine = new URLSearchParams(location.search).get('machine') ?? '';
let list: WorkList | null = null;
let online = true;
let shown = '';

let outbox: Outbox;
const send = async (command: CabCommand): Promise<Answer> => {
  const body = command.action === 'confirm'
    ? { instruction: command.instruction, seen: command.seen, key: command.key }
    : { instruction: command.instruction, seen: command.seen, key: command.key, code: command.code };
  const response = await fetch(`/api/cab/${encodeURIComponent(command.machine)}/${command.action}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
};

const probe: CabProbe = {
  loads: 0,
  current: () => list?.instructions[0] ?? null,
  pending: () => outbox?.pending().length ?? 0,
  answers: [],
};
window.portopsCab = probe;

function location_(text: string): string {
  // yard:A01-05-03-2 → Block A01 bay 05 row 03 tier 2; vessel:CALL/0340282 → vessel bay 03 row 40 tier 82
  if (text.startsWith('yard:')) {
    const [block, bay, row, tier] = text.slice(5).split('-');
    return `Yard ${block} · bay ${bay} · row ${row} · tier ${tier}`;
  }
  if (text.startsWith('vessel:')) {
    const [call, slot] = text.slice(7).split('/');
    return `Vessel ${call} · bay ${slot.slice(0, 3)} · row ${slot.slice(3, 5)} · tier ${slot.slice(5)}`;
  }
  if (text.startsWith('gate:')) return `Gate lane ${text.slice(5)}`;
  if (text.startsWith('equipment:')) return `On ${text.slice(10)}`;
  return text;
}

/** Weight, size, reefer and dangerous-goods marks of the container an instruction moves. */
function marks(i: Instruction): string {
  const d = i.detail;
  if (!d) return '';
  const out = [`<span class="mark">${(d.weightKg / 1000).toFixed(1)} t</span>`, `<span class="mark">${escapeHtml(d.sizeType)}</span>`];
  if (d.reeferSetPointC !== undefined) out.push(`<span class="mark reefer">REEFER ${d.reeferSetPointC}°C</span>`);
  if (d.imdgClass) out.push(`<span class="mark dg">DG ${escapeHtml(d.imdgClass)}</span>`);
  return out.join(' ');
}

/** A twin lift's flag and the partner's box: the driver sets the spreader for both 20' at once. */
function twinLift(i: Instruction): string {
  if (!i.twinWith) return '';
  const partner = i.twin;
  const box = partner
    ? `<div class="twin-box" data-container="${escapeHtml(partner.container)}">
        <b>${escapeHtml(partner.container)}</b> ${marks(partner)}
        <br>${escapeHtml(location_(partner.from))} → ${escapeHtml(location_(partner.to))}</div>`
    : '';
  return `<div class="twin" data-twin="${escapeHtml(i.twinWith)}">
      <div class="twin-flag">TWIN LIFT — twin with ${escapeHtml(partner?.container ?? i.twinWith)}</div>${box}</div>`;
}

function render(): void {
  const root = $('work');
  const pending = outbox.pending();
  $('status').textContent = online
    ? (pending.length ? `sending ${pending.length}…` : 'online')
    : `OFFLINE — ${pending.length} waiting, will send`;
  $('status').className = online ? 'ok' : 'down';
  if (!list) return;
  // redrawn only when something changed, so a button is never replaced under the driver's finger
  const showing = JSON.stringify([list, pending.map((c) => c.key)]);
  if (showing === shown) return;
  shown = showing;
  $('machine').textContent = list.machine + (list.state ? ` · ${list.state.status}` : '');
  const [current, ...next] = list.instructions;
  if (!current) {
    root.innerHTML = '<p class="idle">No work. Stand by.</p>';
    return;
  }
  const waiting = pending.some((c) => c.instruction === current.id);
  const confirmLabel = current.state === 'DISPATCHED' ? 'START MOVE' : current.state === 'IN_PROGRESS' ? 'CONFIRM DONE' : '';
  root.innerHTML = `
    <section class="current wi-${current.state.toLowerCase()}" data-instruction="${current.id}" data-state="${current.state}">
      <div class="container-no">${current.container}</div>
      <div class="marks">${marks(current)}</div>
      <div class="meta">${current.kind.replace('_', ' ')} · ${current.state.replace('_', ' ')}${current.exception ? ` · ${escapeHtml(current.exception.code)}` : ''}</div>
      <div class="route"><span>FROM</span> ${escapeHtml(location_(current.from))}</div>
      <div class="route"><span>TO</span> ${escapeHtml(location_(current.to))}</div>
      ${twinLift(current)}
      <div class="buttons">
        ${confirmLabel ? `<button id="confirm" class="confirm" ${waiting ? 'disabled' : ''}>${confirmLabel}</button>` : '<p class="meta">waiting for the planner</p>'}
      </div>
      <div class="buttons exceptions">
        ${current.state === 'DISPATCHED' || current.state === 'IN_PROGRESS' ? EXCEPTIONS.map((e) =>
          `<button class="exception" data-code="${e.code}" ${waiting ? 'disabled' : ''}>${e.label}</button>`).join('') : ''}
      </div>
    </section>
    <h2>Next</h2>
    <ol class="next">${next.map((i) => `<li data-instruction="${i.id}"><b>${i.container}</b> ${i.kind.replace('_', ' ')} ${marks(i)}${i.twinWith ? ` <span class="mark twin-mark">TWIN with ${escapeHtml(i.twin?.container ?? i.twinWith)}</span>` : ''}
      <br>${escapeHtml(location_(i.from))} → ${escapeHtml(location_(i.to))}</li>`).join('') || '<li class="muted">nothing after this</li>'}</ol>`;
  $('confirm')?.addEventListener('click', () => press(current, 'confirm'));
  root.querySelectorAll<HTMLButtonElement>('button.exception')
    .forEach((b) => b.addEventListener('click', () => press(current, 'exception', b.dataset.code)));
}

function press(instruction: Instruction, action: 'confirm' | 'exception', code?: string): void {
  outbox.push({ key: newKey(), machine, instruction: instruction.id, seen: instruction.state, action, code,
    pressedAt: Date.now() });
  render();
  void sync();
}

async function sync(): Promise<void> {
  const answers = await outbox.flush();
  for (const { command, answer } of answers) {
    probe.answers.push(`${command.action}:${command.instruction}:${answer.body.outcome ?? answer.status}`);
    if (answer.status >= 400) {
      $('message').textContent = answer.body.error ?? `refused (${answer.status})`;
    } else {
      $('message').textContent = '';
    }
  }
  try {
    const response = await fetch(`/api/cab/${encodeURIComponent(machine)}`);
    if (response.ok) {
      list = await response.json() as WorkList;
      probe.loads++;
    } else if (response.status === 401) {
      // the token expired: sign in again; what waits in the outbox stays in localStorage for after
      location.reload();
      return;
    } else {
      $('message').textContent = `no machine ${machine}`;
    }
    online = true;
  } catch {
    online = false;
  }
  render();
}

async function start(): Promise<void> {
  const session = await signedIn(machine ? `the cab of ${machine}` : 'a crane cab');
  showUser($('who'), session);
  if (!session.permissions.includes('DRIVE_MACHINE') || !session.machine) {
    $('work').innerHTML = `<p class="idle">${escapeHtml(session.subject)} drives no machine: sign in with a crane-driver token.</p>`;
    return;
  }
  machine = session.machine;
  outbox = new Outbox(localStorage, `portops.cab.outbox.${machine}`, send);
  void sync();
  setInterval(() => void sync(), REFRESH_MS);
  window.addEventListener('online', () => void sync());
}

void start();
