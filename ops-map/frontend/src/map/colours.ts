import type { MapModel } from './model';

/** What the stacks are coloured by. */
export type ColourBy = 'height' | 'line' | 'pod' | 'weight' | 'reefer' | 'dg' | 'planned';

export const COLOUR_BY: { id: ColourBy; label: string }[] = [
  { id: 'height', label: 'Fill height' },
  { id: 'line', label: 'Line (top box)' },
  { id: 'pod', label: 'Port of discharge (top box)' },
  { id: 'weight', label: 'Weight class (top box)' },
  { id: 'reefer', label: 'Reefers' },
  { id: 'dg', label: 'Dangerous goods' },
  { id: 'planned', label: 'Planned moves' },
];

export const EMPTY = '#1d2733';
const HEIGHT = ['#1d2733', '#16425b', '#2f6690', '#3a7ca5', '#81c3d7', '#d9f0ff', '#ffffff', '#ffffff', '#ffffff', '#ffffff'];
const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6',
  '#bcf60c', '#fabebe', '#008080', '#e6beff', '#9a6324', '#fffac8', '#800000', '#aaffc3'];

export function hashColour(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length];
}

/**
 * The colour of a stack under the chosen attribute. {@code planned} counts come from {@link plannedCounts}, worked
 * out once per repaint rather than once per stack.
 */
export function stackColour(model: MapModel, key: string, by: ColourBy, planned: Map<string, number>): string {
  const height = model.height(key);
  if (by === 'planned') {
    const n = planned.get(key) ?? 0;
    return n === 0 ? (height === 0 ? EMPTY : '#394b5e') : n === 1 ? '#ffb000' : '#ff4040';
  }
  if (height === 0) return EMPTY;
  switch (by) {
    case 'height':
      return HEIGHT[Math.min(height, HEIGHT.length - 1)];
    case 'line':
      return hashColour(model.top(key)?.line ?? '?');
    case 'pod':
      return hashColour(model.top(key)?.pod ?? '?');
    case 'weight': {
      const kg = model.top(key)?.weightKg ?? 0;
      return kg < 10_000 ? '#7fd37f' : kg < 20_000 ? '#f2c14e' : '#e4572e';
    }
    case 'reefer':
      return model.contents(key).some((b) => b.reeferC !== null && b.reeferC !== undefined) ? '#33ccff' : '#394b5e';
    case 'dg':
      return model.contents(key).some((b) => !!b.imdg) ? '#ff3b30' : '#394b5e';
  }
}

/** Open instructions per stack they take a box from or to. */
export function plannedCounts(model: MapModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of model.instructions.values()) {
    for (const loc of [i.from, i.to]) {
      if (loc.startsWith('yard:')) {
        const key = loc.slice(5, loc.lastIndexOf('-'));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

export const MACHINE_COLOUR: Record<string, string> = {
  QUAY_CRANE: '#ff9f1c', RTG: '#2ec4b6', RMG: '#2ec4b6', STRADDLE_CARRIER: '#cbf3f0', TERMINAL_TRACTOR: '#ffbf69',
  AGV: '#ffbf69', REACH_STACKER: '#e0aaff', TRUCK: '#adb5bd',
};

export function machineColour(kind: string, status: string): string {
  if (status === 'FAULT' || status === 'OFFLINE') return '#ff3b30';
  return MACHINE_COLOUR[kind] ?? '#ffffff';
}
