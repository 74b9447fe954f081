// The berth plan as a berth-time chart: quay position across, time downwards, one box per vessel call; calls in a
// conflict are drawn red, and hovering a box shows the planner's explanation of its placement.
import { escapeHtml } from '../shared/http';

export interface BerthBox {
  call: string; vessel: string; fromMeter: number; toMeter: number; start: string; end: string; eta: string;
  requestedBerthing: string; cranes: number; alongside: boolean; explanation: string[];
}
export interface BerthChart {
  version: number; plannedAt: string;
  quay: { name: string; lengthMeters: number; sections: { berth: string; fromMeter: number; toMeter: number }[] };
  time: { from?: string; to?: string };
  vessels: BerthBox[];
  conflicts: { kind: string; calls: string[]; reason: string }[];
}

/** A drawn box in CSS pixels of the chart's canvas, for hovering and for the tests. */
export interface DrawnBox { call: string; x: number; y: number; w: number; h: number; conflict: boolean }

const MARGIN = { left: 44, right: 8, top: 18, bottom: 6 };

export class BerthChartView {
  private chart: BerthChart | null = null;
  boxes: DrawnBox[] = [];
  /** The call the pointer is over, if any (what the tooltip shows). */
  hovered: string | null = null;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly tip: HTMLElement) {
    canvas.addEventListener('mousemove', (e) => {
      const r = canvas.getBoundingClientRect();
      this.hover(e.clientX - r.left, e.clientY - r.top);
    });
    canvas.addEventListener('mouseleave', () => { this.tip.hidden = true; });
  }

  show(chart: BerthChart): void {
    this.chart = chart;
    this.draw();
  }

  /** Conflicting calls, for the legend and the tests. */
  conflictCalls(): Set<string> {
    return new Set(this.chart?.conflicts.flatMap((c) => c.calls) ?? []);
  }

  private draw(): void {
    const chart = this.chart;
    if (!chart) return;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const ratio = devicePixelRatio;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    const g = this.canvas.getContext('2d')!;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = '#0f1720';
    g.fillRect(0, 0, width, height);
    const from = Date.parse(chart.time.from ?? chart.plannedAt);
    const to = Math.max(Date.parse(chart.time.to ?? chart.plannedAt), from + 3_600_000);
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const xOf = (m: number) => MARGIN.left + (m / chart.quay.lengthMeters) * plotW;
    const yOf = (t: number) => MARGIN.top + ((t - from) / (to - from)) * plotH;
    // berths along the top, a line per section boundary
    g.font = '10px system-ui, sans-serif';
    g.textBaseline = 'top';
    for (const s of chart.quay.sections) {
      g.strokeStyle = '#26323f';
      g.beginPath(); g.moveTo(xOf(s.fromMeter), MARGIN.top); g.lineTo(xOf(s.fromMeter), height - MARGIN.bottom); g.stroke();
      g.fillStyle = '#7d8a96';
      g.fillText(s.berth, xOf(s.fromMeter) + 2, 3);
    }
    // a time tick every six hours, labelled in UTC
    const step = 6 * 3_600_000;
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
      g.strokeStyle = '#1b2530';
      g.beginPath(); g.moveTo(MARGIN.left, yOf(t)); g.lineTo(width - MARGIN.right, yOf(t)); g.stroke();
      g.fillStyle = '#7d8a96';
      const d = new Date(t);
      g.fillText(`${String(d.getUTCDate()).padStart(2, '0')} ${String(d.getUTCHours()).padStart(2, '0')}h`, 2, yOf(t) - 5);
    }
    const conflicts = this.conflictCalls();
    this.boxes = chart.vessels.map((v) => {
      const x = xOf(v.fromMeter);
      const y = yOf(Date.parse(v.start));
      const box = { call: v.call, x, y, w: Math.max(2, xOf(v.toMeter) - x), h: Math.max(2, yOf(Date.parse(v.end)) - y),
        conflict: conflicts.has(v.call) };
      g.fillStyle = box.conflict ? '#c62828' : v.alongside ? '#2e7d32' : '#1565c0';
      g.globalAlpha = 0.8;
      g.fillRect(box.x, box.y, box.w, box.h);
      g.globalAlpha = 1;
      g.strokeStyle = box.conflict ? '#ff8a80' : '#dfe6ec';
      g.lineWidth = box.conflict ? 2 : 1;
      g.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
      g.lineWidth = 1;
      if (box.h > 12 && box.w > 30) {
        g.fillStyle = '#fff';
        g.fillText(v.vessel, box.x + 3, box.y + 2, box.w - 6);
      }
      return box;
    });
  }

  private hover(x: number, y: number): void {
    const chart = this.chart;
    // the box drawn last is on top where conflicting calls overlap
    const hit = [...this.boxes].reverse().find((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h);
    const vessel = hit && chart?.vessels.find((v) => v.call === hit.call);
    this.hovered = vessel?.call ?? null;
    if (!chart || !hit || !vessel) { this.tip.hidden = true; return; }
    const reasons = chart.conflicts.filter((c) => c.calls.includes(vessel.call));
    this.tip.hidden = false;
    this.tip.dataset.call = vessel.call;
    this.tip.style.left = `${Math.min(x + 12, this.canvas.clientWidth - 220)}px`;
    this.tip.style.top = `${y + 12}px`;
    this.tip.innerHTML = `<b>${escapeHtml(vessel.vessel)}</b> · ${escapeHtml(vessel.call)}<br>
      ${vessel.fromMeter}–${vessel.toMeter} m · ${vessel.cranes} cranes<br>
      ${vessel.start.slice(0, 16)} → ${vessel.end.slice(0, 16)}
      ${reasons.map((c) => `<p class="conflict">⚠ ${escapeHtml(c.kind)}: ${escapeHtml(c.reason)}</p>`).join('')}
      <ul>${vessel.explanation.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`;
  }
}
