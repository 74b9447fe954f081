// A vessel call's bay view: each stowage bay as rows across and tiers up (deck above, hold below), every slot the
// map knows of drawn as a cell coloured by the box's port of discharge; its state is the cell's outline: aboard,
// aboard with a discharge to do (thick white), or planned to load and not yet aboard (dashed, unfilled).
import { escapeHtml } from '../shared/http';
import { hashColour } from './colours';
import type { MapModel } from './model';

type SlotState = 'aboard' | 'to-discharge' | 'to-load';
interface Cell { slot: string; bay: number; row: number; tier: number; container: string; pod: string; state: SlotState }

const CELL = 11;

/** vessel:CALL/0340282 → its slot when it is on this call's vessel. */
function slotOf(location: string | null | undefined, call: string): string | null {
  const prefix = `vessel:${call}/`;
  return location && location.startsWith(prefix) ? location.slice(prefix.length) : null;
}

export function bayCells(model: MapModel, call: string): Cell[] {
  const discharging = new Set<string>();
  const loading = new Map<string, string>();
  for (const i of model.instructions.values()) {
    if (slotOf(i.from, call)) discharging.add(i.container);
    const to = slotOf(i.to, call);
    if (to) loading.set(to, i.container);
  }
  const cells = new Map<string, Cell>();
  const cell = (slot: string, container: string, state: SlotState): Cell => ({
    slot, bay: Number(slot.slice(0, 3)), row: Number(slot.slice(3, 5)), tier: Number(slot.slice(5)), container,
    pod: model.boxes.get(container)?.pod ?? '?', state,
  });
  for (const box of model.boxes.values()) {
    const slot = slotOf(box.location, call);
    if (slot) cells.set(slot, cell(slot, box.number, discharging.has(box.number) ? 'to-discharge' : 'aboard'));
  }
  for (const [slot, container] of loading) {
    if (!cells.has(slot)) cells.set(slot, cell(slot, container, 'to-load'));
  }
  return [...cells.values()];
}

export function bayView(model: MapModel, call: string): string {
  const cells = bayCells(model, call);
  if (cells.length === 0) return '<p class="muted">no boxes aboard or planned to load</p>';
  const bays = [...new Set(cells.map((c) => c.bay))].sort((a, b) => a - b);
  const pods = [...new Set(cells.map((c) => c.pod))].sort();
  const svgs = bays.map((bay) => {
    const inBay = cells.filter((c) => c.bay === bay);
    const rows = [...new Set(inBay.map((c) => c.row))].sort((a, b) => a - b);
    const tiers = [...new Set(inBay.map((c) => c.tier))].sort((a, b) => b - a);
    const width = rows.length * CELL + 2;
    const height = tiers.length * CELL + 14;
    const rects = inBay.map((c) => {
      const x = 1 + rows.indexOf(c.row) * CELL;
      const y = 13 + tiers.indexOf(c.tier) * CELL;
      const fill = c.state === 'to-load' ? 'none' : hashColour(c.pod);
      return `<rect class="slot ${c.state}" x="${x}" y="${y}" width="${CELL - 1}" height="${CELL - 1}" fill="${fill}"
        stroke="${c.state === 'to-load' ? hashColour(c.pod) : c.state === 'to-discharge' ? '#fff' : 'none'}"
        data-slot="${c.slot}" data-container="${escapeHtml(c.container)}" data-pod="${escapeHtml(c.pod)}"
        data-state="${c.state}"><title>${escapeHtml(c.container)} · ${escapeHtml(c.pod)} · ${c.state.replace('-', ' ')}
        · bay ${c.slot.slice(0, 3)} row ${c.slot.slice(3, 5)} tier ${c.slot.slice(5)}</title></rect>`;
    }).join('');
    return `<svg class="bay" data-bay="${bay}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
      <text x="1" y="9">${String(bay).padStart(3, '0')}</text>${rects}</svg>`;
  }).join('');
  const counts = { aboard: 0, 'to-discharge': 0, 'to-load': 0 };
  for (const c of cells) counts[c.state]++;
  return `<p>${counts.aboard + counts['to-discharge']} aboard (${counts['to-discharge']} to discharge),
      ${counts['to-load']} to load</p>
    <div class="bays">${svgs}</div>
    <p class="legend">${pods.map((p) => `<span><i style="background:${hashColour(p)}"></i>${escapeHtml(p)}</span>`).join(' ')}
      <span><i class="to-discharge"></i>to discharge</span> <span><i class="to-load"></i>to load</span></p>`;
}
