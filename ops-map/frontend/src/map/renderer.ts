import { type ColourBy, EMPTY, machineColour, plannedCounts, stackColour } from './colours';
import { type MapModel, stackKey } from './model';
import type { Machine } from '../shared/types';

/** What a click on the map hit. */
export type Hit =
  | { kind: 'machine'; id: string }
  | { kind: 'stack'; key: string }
  | { kind: 'vessel'; id: string }
  | null;

interface View { scale: number; offsetX: number; offsetY: number }

/** A machine gliding from where it was drawn to where its last update put it, over one flush period. */
interface Glide { fromX: number; fromY: number; toX: number; toY: number; start: number }

/** The server's flush period: a machine glides to its new position over this time, so motion looks continuous. */
const GLIDE_MS = 200;

/**
 * Draws the plan view on one Canvas2D in the layout's metres, panned and zoomed. Stacks are batched into one path
 * per colour, rebuilt only when a stack changed or the colouring did, so tens of thousands of stacks and boxes cost
 * a few fills per frame; machines are drawn on top each frame. A frame is drawn only when something changed.
 */
export class MapRenderer {
  colourBy: ColourBy = 'height';
  selected: Hit = null;
  frames = 0;
  /** The serial of the last delta a drawn frame showed. */
  drawnSerial = 0;
  lastFrameAt = 0;
  private readonly ctx: CanvasRenderingContext2D;
  private view: View = { scale: 1, offsetX: 0, offsetY: 0 };
  private readonly stackColours = new Map<string, string>();
  private paths = new Map<string, Path2D>();
  private pathsStale = true;
  private pending = false;
  private fitted = false;
  private readonly glides = new Map<string, Glide>();
  /** Wall-clock time of the oldest machine reading not yet on screen (epoch ms), null when none waits. */
  private oldestUnshown: number | null = null;
  /** Wall-clock delay from a machine's reading to the frame that showed it, ms, last 2,000 frames. */
  readonly updateLatencies: number[] = [];

  constructor(private readonly canvas: HTMLCanvasElement, private readonly model: MapModel) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('this browser has no 2D canvas');
    this.ctx = ctx;
  }

  setColourBy(by: ColourBy): void {
    this.colourBy = by;
    this.stackColours.clear();
    for (const key of this.model.stacks.keys()) this.model.dirtyStacks.add(key);
    this.request();
  }

  /** Fits the whole terminal into the canvas. */
  fit(): void {
    const b = this.model.layout.bounds;
    const w = this.canvas.width;
    const h = this.canvas.height;
    const scale = Math.min(w / (b.maxX - b.minX), h / (b.maxY - b.minY)) * 0.97;
    this.view = {
      scale,
      offsetX: (w - (b.maxX - b.minX) * scale) / 2 - b.minX * scale,
      offsetY: (h - (b.maxY - b.minY) * scale) / 2 - b.minY * scale,
    };
    this.fitted = true;
    this.request();
  }

  resize(width: number, height: number): void {
    this.canvas.width = Math.max(1, Math.floor(width * devicePixelRatio));
    this.canvas.height = Math.max(1, Math.floor(height * devicePixelRatio));
    this.fit();
  }

  zoomAt(screenX: number, screenY: number, factor: number): void {
    const [x, y] = this.toWorld(screenX, screenY);
    this.view.scale *= factor;
    this.view.offsetX = screenX * devicePixelRatio - x * this.view.scale;
    this.view.offsetY = screenY * devicePixelRatio - y * this.view.scale;
    this.request();
  }

  pan(dx: number, dy: number): void {
    this.view.offsetX += dx * devicePixelRatio;
    this.view.offsetY += dy * devicePixelRatio;
    this.request();
  }

  toWorld(screenX: number, screenY: number): [number, number] {
    return [(screenX * devicePixelRatio - this.view.offsetX) / this.view.scale,
      (screenY * devicePixelRatio - this.view.offsetY) / this.view.scale];
  }

  /** Where a world point is on the page, in CSS pixels relative to the canvas. */
  toScreen(x: number, y: number): [number, number] {
    return [(x * this.view.scale + this.view.offsetX) / devicePixelRatio,
      (y * this.view.scale + this.view.offsetY) / devicePixelRatio];
  }

  stackCentre(key: string): [number, number] | null {
    const [block, bay, row] = key.split('-');
    const b = this.model.block(block);
    if (!b) return null;
    const L = this.model.layout;
    return [b.x + (Number(bay) - 0.5) * L.bayPitchMetres, b.y + (Number(row) - 0.5) * L.rowPitchMetres];
  }

  hit(screenX: number, screenY: number): Hit {
    const [x, y] = this.toWorld(screenX, screenY);
    const reach = Math.max(4, 8 / this.view.scale * devicePixelRatio);
    let best: Machine | null = null;
    let bestD = reach;
    for (const m of this.model.machines.values()) {
      const d = Math.hypot(m.x - x, m.y - y);
      if (d < bestD) { best = m; bestD = d; }
    }
    if (best) return { kind: 'machine', id: best.id };
    const L = this.model.layout;
    for (const b of L.blocks) {
      const bay = Math.floor((x - b.x) / L.bayPitchMetres) + 1;
      const row = Math.floor((y - b.y) / L.rowPitchMetres) + 1;
      if (bay >= 1 && bay <= b.bays && row >= 1 && row <= b.rows) return { kind: 'stack', key: stackKey(b.id, bay, row) };
    }
    for (const v of this.vessels()) {
      if (x >= v.x0 && x <= v.x1 && y >= v.y0 && y <= v.y1) return { kind: 'vessel', id: v.id };
    }
    return null;
  }

  /**
   * Machines got new states (call before the model takes them): each glides from where it is drawn now to its new position. {@code readAt} is the
   * oldest reading's time (epoch ms): the next frame records how long it took to reach the screen.
   */
  machinesUpdated(machines: Machine[], readAt: number | null): void {
    const now = performance.now();
    for (const m of machines) {
      const held = this.model.machines.get(m.id);
      const [fromX, fromY] = this.drawnAt(m.id, now) ?? (held ? [held.x, held.y] : [m.x, m.y]);
      this.glides.set(m.id, { fromX, fromY, toX: m.x, toY: m.y, start: now });
    }
    if (readAt !== null) this.oldestUnshown = this.oldestUnshown === null ? readAt : Math.min(this.oldestUnshown, readAt);
    this.request();
  }

  /** Where a machine is drawn at {@code now}: on its glide, or null when it has none. */
  private drawnAt(id: string, now: number): [number, number] | null {
    const g = this.glides.get(id);
    if (!g) return null;
    const t = Math.min(1, (now - g.start) / GLIDE_MS);
    return [g.fromX + (g.toX - g.fromX) * t, g.fromY + (g.toY - g.fromY) * t];
  }

  /** Asks for a frame; several asks before it is drawn make one frame. */
  request(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.fitted) this.fit();
    const ctx = this.ctx;
    const v = this.view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#0b1118';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(v.scale, 0, 0, v.scale, v.offsetX, v.offsetY);
    this.drawGround();
    this.drawVessels();
    this.drawStacks();
    this.drawMachines();
    this.drawSelection();
    this.frames++;
    this.drawnSerial = this.model.lastSerial;
    this.lastFrameAt = performance.now();
    if (this.oldestUnshown !== null) {
      this.updateLatencies.push(Date.now() - this.oldestUnshown);
      if (this.updateLatencies.length > 2000) this.updateLatencies.splice(0, this.updateLatencies.length - 2000);
      this.oldestUnshown = null;
    }
    if (this.gliding(this.lastFrameAt)) this.request();
  }

  private gliding(now: number): boolean {
    for (const g of this.glides.values()) if (now - g.start < GLIDE_MS) return true;
    return false;
  }

  private drawGround(): void {
    const ctx = this.ctx;
    const L = this.model.layout;
    const b = L.bounds;
    ctx.fillStyle = '#0d2a45';
    ctx.fillRect(b.minX, b.minY, b.maxX - b.minX, -b.minY);
    ctx.fillStyle = '#1a1f26';
    ctx.fillRect(b.minX, 0, b.maxX - b.minX, b.maxY);
    ctx.fillStyle = '#59636e';
    ctx.fillRect(0, -1, L.quay.lengthMeters, 2);
    ctx.lineWidth = 0.6;
    ctx.font = '8px sans-serif';
    for (const berth of L.quay.berths) {
      ctx.strokeStyle = '#7aa6c2';
      ctx.strokeRect(berth.startMeter, -45, berth.endMeter - berth.startMeter, 44);
      ctx.fillStyle = '#7aa6c2';
      ctx.fillText(berth.id, berth.startMeter + 3, -36);
    }
    ctx.strokeStyle = '#3c4650';
    ctx.lineWidth = 2.5;
    for (const lane of L.lanes) {
      ctx.beginPath();
      ctx.moveTo(lane.x0, lane.y);
      ctx.lineTo(lane.x1, lane.y);
      ctx.stroke();
    }
    for (const gate of L.gates) {
      ctx.fillStyle = gate.inbound ? '#2a9d8f' : '#e9c46a';
      ctx.fillRect(gate.x, gate.y - 6, gate.width, 12);
    }
    ctx.fillStyle = '#c0c8d0';
    ctx.font = '6px sans-serif';
    for (const block of L.blocks) {
      ctx.fillText(block.id, block.x, block.y - 1.5);
    }
  }

  /** Where along the quay a call's hull is drawn, bow to stern, in metres; null when it is not alongside. */
  vesselSpan(id: string): [number, number] | null {
    const v = this.vessels().find((x) => x.id === id);
    return v ? [v.x0, v.x1] : null;
  }

  /** The middle of a call's hull as drawn, in metres; null when it is not alongside. */
  vesselCentre(id: string): [number, number] | null {
    const v = this.vessels().find((x) => x.id === id);
    return v ? [(v.x0 + v.x1) / 2, (v.y0 + v.y1) / 2] : null;
  }

  private vessels(): { id: string; name: string; x0: number; x1: number; y0: number; y1: number }[] {
    const out = [];
    for (const call of this.model.calls.values()) {
      const berth = this.model.layout.quay.berths.find((b) => b.id === call.berth);
      if (!berth) continue;
      let x0: number;
      let x1: number;
      if (call.quayFromMeter != null) {
        // where the berth plan placed it
        x0 = call.quayFromMeter;
        x1 = x0 + call.lengthOverallMeters;
      } else {
        const mid = (berth.startMeter + berth.endMeter) / 2;
        const half = Math.min(call.lengthOverallMeters, berth.endMeter - berth.startMeter) / 2;
        x0 = mid - half;
        x1 = mid + half;
      }
      out.push({ id: call.id, name: call.vessel, x0, x1, y0: -3 - call.beamMeters, y1: -3 });
    }
    return out;
  }

  private drawVessels(): void {
    const ctx = this.ctx;
    ctx.font = '7px sans-serif';
    for (const v of this.vessels()) {
      ctx.fillStyle = '#44505c';
      ctx.beginPath();
      ctx.moveTo(v.x0, v.y0);
      ctx.lineTo(v.x1 - 12, v.y0);
      ctx.lineTo(v.x1, (v.y0 + v.y1) / 2);
      ctx.lineTo(v.x1 - 12, v.y1);
      ctx.lineTo(v.x0, v.y1);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = '#e8eef3';
      ctx.fillText(v.name, v.x0 + 4, (v.y0 + v.y1) / 2 + 2.5);
    }
  }

  private rebuildPaths(): void {
    const planned = this.colourBy === 'planned' ? plannedCounts(this.model) : new Map<string, number>();
    for (const key of this.model.dirtyStacks) {
      this.stackColours.set(key, stackColour(this.model, key, this.colourBy, planned));
    }
    this.model.dirtyStacks.clear();
    const L = this.model.layout;
    const paths = new Map<string, Path2D>();
    const w = L.bayPitchMetres * 0.86;
    const h = L.rowPitchMetres * 0.8;
    for (const block of L.blocks) {
      for (let bay = 1; bay <= block.bays; bay++) {
        for (let row = 1; row <= block.rows; row++) {
          const colour = this.stackColours.get(stackKey(block.id, bay, row)) ?? EMPTY;
          let path = paths.get(colour);
          if (!path) { path = new Path2D(); paths.set(colour, path); }
          path.rect(block.x + (bay - 1) * L.bayPitchMetres, block.y + (row - 1) * L.rowPitchMetres, w, h);
        }
      }
    }
    this.paths = paths;
    this.pathsStale = false;
  }

  /** Marks the stacks for repainting after the model changed. */
  stacksChanged(): void {
    this.pathsStale = true;
    this.request();
  }

  private drawStacks(): void {
    if (this.pathsStale || this.model.dirtyStacks.size > 0) this.rebuildPaths();
    for (const [colour, path] of this.paths) {
      this.ctx.fillStyle = colour;
      this.ctx.fill(path);
    }
  }

  private drawMachines(): void {
    const ctx = this.ctx;
    const now = performance.now();
    for (const m of this.model.machines.values()) {
      const [x, y] = this.drawnAt(m.id, now) ?? [m.x, m.y];
      ctx.fillStyle = machineColour(m.kind, m.status);
      switch (m.kind) {
        case 'QUAY_CRANE':
          ctx.fillRect(x - 8, -30, 16, 58);
          break;
        case 'RTG': case 'RMG': case 'ASC':
          ctx.fillRect(x - 3, y - 13, 6, 26);
          break;
        default:
          ctx.beginPath();
          ctx.arc(x, y, m.load ? 3.2 : 2.4, 0, Math.PI * 2);
          ctx.fill();
      }
    }
  }

  private drawSelection(): void {
    const sel = this.selected;
    if (!sel) return;
    const ctx = this.ctx;
    ctx.strokeStyle = '#ffff00';
    ctx.lineWidth = 1.2;
    if (sel.kind === 'stack') {
      const c = this.stackCentre(sel.key);
      if (c) ctx.strokeRect(c[0] - 4, c[1] - 2.5, 8, 5);
    } else if (sel.kind === 'machine') {
      const m = this.model.machines.get(sel.id);
      if (m) {
        ctx.beginPath();
        ctx.arc(m.x, m.y, 10, 0, Math.PI * 2);
        ctx.stroke();
      }
    } else {
      const v = this.vessels().find((x) => x.id === sel.id);
      if (v) ctx.strokeRect(v.x0, v.y0, v.x1 - v.x0, v.y1 - v.y0);
    }
  }
}
