// The KPI panel as pictures: a bar per quay crane (gross moves per hour, amber while it stands waiting for
// transport) and a bar per vessel call (moves done of its total, and where the forecast finish falls against the
// departure time).
import { escapeHtml } from '../shared/http';

export interface CraneKpi { crane: string; moves: number; movesPerHour: number; waitingForTransport: boolean; current: string | null }
export interface VesselKpi {
  call: string; vessel: string; moves: number; movesPerHour: number; done: number; total: number;
  forecastFinish: string | null; etd: string; late: boolean;
}
/** A crane's periods of the shift: [status, from, to], ISO instants. */
export interface CraneShift { crane: string; idleSeconds: number; workingSeconds: number; downSeconds: number; periods: [string, string, string][] }
export interface Shift { start: string; end: string; at: string; cranes: CraneShift[] }
export interface Kpis { at: string; windowMinutes: number; cranes: CraneKpi[]; vessels: VesselKpi[]; shift?: Shift }

/** The scale of the crane bars: a good quay crane makes 30 to 40 gross moves an hour. */
const FULL_SCALE_MPH = 40;
const W = 340;

export function craneBars(cranes: CraneKpi[]): string {
  const row = 18;
  const bars = cranes.map((c, n) => {
    const y = n * row;
    const width = Math.min(1, c.movesPerHour / FULL_SCALE_MPH) * (W - 120);
    return `<g class="kpi-crane${c.waitingForTransport ? ' waiting' : ''}" data-crane="${escapeHtml(c.crane)}"
        data-moves-per-hour="${c.movesPerHour}" data-waiting="${c.waitingForTransport}">
      <text x="0" y="${y + 12}">${escapeHtml(c.crane)}</text>
      <rect x="48" y="${y + 3}" width="${W - 120}" height="${row - 6}" class="track"/>
      <rect x="48" y="${y + 3}" width="${width}" height="${row - 6}" class="bar"/>
      <text x="${W - 66}" y="${y + 12}">${c.movesPerHour.toFixed(0)}/h${c.waitingForTransport ? ' waiting' : ''}</text>
      <title>${escapeHtml(c.crane)}: ${c.moves} moves in the last hour${c.waitingForTransport
        ? `; idle with ${escapeHtml(c.current ?? '')} waiting for transport` : ''}</title></g>`;
  }).join('');
  return `<svg id="kpi-cranes" viewBox="0 0 ${W} ${Math.max(row, cranes.length * row)}" width="100%">${bars}</svg>`;
}

/**
 * Per call: a progress bar (done of total), and beneath it a time line from now to the departure time with the
 * forecast finish marked: green before the departure, red after it.
 */
export function vesselBars(vessels: VesselKpi[], at: string): string {
  const row = 34;
  const now = Date.parse(at);
  const bars = vessels.map((v, n) => {
    const y = n * row;
    const progress = v.total === 0 ? 0 : v.done / v.total;
    const etd = Date.parse(v.etd);
    const finish = v.forecastFinish ? Date.parse(v.forecastFinish) : null;
    const span = Math.max(etd, finish ?? etd) - now;
    const xOf = (t: number) => 48 + Math.max(0, Math.min(1, span <= 0 ? 1 : (t - now) / span)) * (W - 60);
    return `<g class="kpi-vessel${v.late ? ' late' : ''}" data-call="${escapeHtml(v.call)}" data-done="${v.done}"
        data-total="${v.total}" data-late="${v.late}">
      <text x="0" y="${y + 11}">${escapeHtml(v.call)}</text>
      <rect x="48" y="${y + 2}" width="${W - 60}" height="10" class="track"/>
      <rect x="48" y="${y + 2}" width="${progress * (W - 60)}" height="10" class="bar"/>
      <text x="52" y="${y + 11}" class="label">${v.done}/${v.total} · ${v.movesPerHour.toFixed(0)}/h</text>
      <line x1="48" x2="${W - 12}" y1="${y + 22}" y2="${y + 22}" class="time"/>
      <line x1="${xOf(etd)}" x2="${xOf(etd)}" y1="${y + 16}" y2="${y + 28}" class="etd"/>
      ${finish === null ? '' : `<circle cx="${xOf(finish)}" cy="${y + 22}" r="4" class="finish"/>`}
      <title>${escapeHtml(v.vessel)}: ${v.done} of ${v.total} moves; ${finish === null ? 'no rate yet'
        : `finishes ${new Date(finish).toISOString().slice(0, 16)}`}, departs ${v.etd.slice(0, 16)}</title></g>`;
  }).join('');
  return `<svg id="kpi-vessels" viewBox="0 0 ${W} ${Math.max(row, vessels.length * row)}" width="100%">${bars}</svg>`;
}

/** "1 h 05 min", "12 min", "40 s": a duration as the control room says it. */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/**
 * Per quay crane, the shift as a strip from its start to its end: each period the crane was working (green), idle
 * (amber) or down (red: fault, grey: offline) drawn where it fell; the shift still to come and the part before the
 * map first saw the crane are left empty. Beside it the crane's idle time so far as a duration.
 */
export function craneShiftStrips(shift: Shift): string {
  const row = 18;
  const x0 = 48;
  const width = W - 140;
  const start = Date.parse(shift.start);
  const span = Date.parse(shift.end) - start;
  const xOf = (t: string) => x0 + Math.max(0, Math.min(1, (Date.parse(t) - start) / span)) * width;
  const strips = shift.cranes.map((c, n) => {
    const y = n * row;
    const periods = c.periods.map(([status, from, to]) => `<rect x="${xOf(from)}" y="${y + 3}"
        width="${xOf(to) - xOf(from)}" height="${row - 6}" class="period ${status.toLowerCase()}"
        data-status="${status}"><title>${status.toLowerCase()} ${from.slice(11, 16)}–${to.slice(11, 16)}</title></rect>`).join('');
    return `<g class="kpi-shift" data-crane="${escapeHtml(c.crane)}" data-idle-seconds="${c.idleSeconds}">
      <text x="0" y="${y + 12}">${escapeHtml(c.crane)}</text>
      <rect x="${x0}" y="${y + 3}" width="${width}" height="${row - 6}" class="track"/>${periods}
      <line x1="${xOf(shift.at)}" x2="${xOf(shift.at)}" y1="${y + 1}" y2="${y + row - 1}" class="now"/>
      <text x="${x0 + width + 6}" y="${y + 12}" class="idle-time">idle ${duration(c.idleSeconds)}</text></g>`;
  }).join('');
  return `<svg id="kpi-shift" viewBox="0 0 ${W} ${Math.max(row, shift.cranes.length * row)}" width="100%">${strips}</svg>`;
}
