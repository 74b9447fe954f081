import type { AlertJson, Block, ContainerJson, Delta, Instruction, Layout, Machine, Snapshot, VesselCall } from '../shared/types';

/** A container as the map knows it. */
export interface Box {
  number: string; location: string | null; sequence: number;
  line?: string; pod?: string; weightKg?: number; category?: string; sizeType?: string;
  reeferC?: number | null; imdg?: string | null;
}

/** A stack's key, as the server names stacks: A01-05-03 (block-bay-row). */
export function stackKey(block: string, bay: number, row: number): string {
  return `${block}-${String(bay).padStart(2, '0')}-${String(row).padStart(2, '0')}`;
}

/** yard:A01-05-03-2 → the stack key and tier; null for any other location. */
export function parseYard(location: string | null): { block: string; bay: number; row: number; tier: number } | null {
  if (!location || !location.startsWith('yard:')) return null;
  const parts = location.slice(5).split('-');
  if (parts.length !== 4) return null;
  return { block: parts[0], bay: Number(parts[1]), row: Number(parts[2]), tier: Number(parts[3]) };
}

/** A 40' or 45' box covers its head bay and the next one. */
export function isLong(sizeType: string | undefined): boolean {
  return !!sizeType && sizeType[0] !== '2' && sizeType[0] !== '1';
}

/**
 * The live picture: containers, the stacks they make, machines, open work instructions, vessel calls and alerts,
 * kept from the stream's snapshot and deltas. Stacks are recomputed only where a container came or went.
 */
export class MapModel {
  readonly boxes = new Map<string, Box>();
  /** stack key → the boxes covering it, by tier (index 0 = tier 1). */
  readonly stacks = new Map<string, (string | null)[]>();
  readonly machines = new Map<string, Machine>();
  readonly instructions = new Map<string, Instruction>();
  readonly calls = new Map<string, VesselCall>();
  readonly alerts = new Map<string, AlertJson>();
  /** Stacks changed since the renderer last looked. */
  readonly dirtyStacks = new Set<string>();
  lastSerial = 0;

  constructor(readonly layout: Layout) {
    for (const block of layout.blocks) {
      for (let bay = 1; bay <= block.bays; bay++) {
        for (let row = 1; row <= block.rows; row++) {
          this.stacks.set(stackKey(block.id, bay, row), new Array(block.maxTiers).fill(null));
        }
      }
    }
  }

  block(id: string): Block | undefined {
    return this.layout.blocks.find((b) => b.id === id);
  }

  applySnapshot(snapshot: Snapshot): void {
    for (const box of this.boxes.values()) this.place(box, null);
    this.boxes.clear();
    this.machines.clear();
    this.instructions.clear();
    this.calls.clear();
    this.alerts.clear();
    for (const c of snapshot.containers) this.takeContainer(c);
    for (const m of snapshot.machines) this.machines.set(m.id, m);
    for (const i of snapshot.instructions) this.instructions.set(i.id, i);
    for (const c of snapshot.calls) this.calls.set(c.id, c);
    for (const a of snapshot.alerts) this.alerts.set(a.key, a);
    for (const key of this.stacks.keys()) this.dirtyStacks.add(key);
  }

  applyDelta(delta: Delta): void {
    for (const c of delta.containers) this.takeContainer(c);
    for (const m of delta.machines) this.machines.set(m.id, m);
    for (const i of delta.instructions) {
      if (i.state === 'DONE' || i.state === 'FAILED' || i.state === 'CANCELLED') this.instructions.delete(i.id);
      else this.instructions.set(i.id, i);
    }
    for (const c of delta.calls) this.calls.set(c.id, c);
    for (const a of delta.alerts) {
      if (a.cleared) this.alerts.delete(a.key);
      else this.alerts.set(a.key, a);
    }
    this.lastSerial = delta.serial;
  }

  private takeContainer(json: ContainerJson): void {
    const [number, location, sequence] = json;
    let box = this.boxes.get(number);
    // a delta can repeat what the snapshot it follows already showed; never step back to an older move
    if (box && sequence !== 0 && box.sequence > sequence) return;
    if (!box) {
      box = { number, location: null, sequence };
      this.boxes.set(number, box);
    }
    if (json.length > 3) {
      box.line = json[3] as string;
      box.pod = json[4] as string;
      box.weightKg = json[5] as number;
      box.category = json[6] as string;
      box.sizeType = json[7] as string;
      box.reeferC = json[8] as number | null;
      box.imdg = json[9] as string | null;
    }
    box.sequence = sequence;
    this.place(box, location);
    if (location === null) this.boxes.delete(number);
  }

  private place(box: Box, location: string | null): void {
    const before = parseYard(box.location);
    if (before) this.setCells(box, before, null);
    box.location = location;
    const after = parseYard(location);
    if (after) this.setCells(box, after, box.number);
  }

  private setCells(box: Box, at: { block: string; bay: number; row: number; tier: number }, value: string | null): void {
    const bays = isLong(box.sizeType) ? [at.bay, at.bay + 1] : [at.bay];
    for (const bay of bays) {
      const key = stackKey(at.block, bay, at.row);
      const tiers = this.stacks.get(key);
      if (!tiers || at.tier < 1 || at.tier > tiers.length) continue;
      if (value === null && tiers[at.tier - 1] !== box.number) continue;
      tiers[at.tier - 1] = value;
      this.dirtyStacks.add(key);
    }
  }

  /** How many tiers of the stack hold a container. */
  height(key: string): number {
    const tiers = this.stacks.get(key);
    if (!tiers) return 0;
    let h = 0;
    for (const t of tiers) if (t !== null) h++;
    return h;
  }

  /** The top container of a stack, or undefined for an empty one. */
  top(key: string): Box | undefined {
    const tiers = this.stacks.get(key);
    if (!tiers) return undefined;
    for (let i = tiers.length - 1; i >= 0; i--) {
      const n = tiers[i];
      if (n !== null) return this.boxes.get(n);
    }
    return undefined;
  }

  /** The boxes of a stack, ground first. */
  contents(key: string): Box[] {
    const tiers = this.stacks.get(key) ?? [];
    const out: Box[] = [];
    for (const n of tiers) {
      if (n !== null) {
        const box = this.boxes.get(n);
        if (box) out.push(box);
      }
    }
    return out;
  }

  /** Open work instructions that take a container from or to this stack. */
  plannedMoves(key: string): number {
    let n = 0;
    for (const i of this.instructions.values()) {
      if (i.from.startsWith(`yard:${key}-`) || i.to.startsWith(`yard:${key}-`)) n++;
    }
    return n;
  }

  locationOf(container: string): string | null {
    return this.boxes.get(container)?.location ?? null;
  }
}
