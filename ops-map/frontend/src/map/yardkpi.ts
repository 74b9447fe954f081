// The yard's and the gate's KPIs as pictures: the blocks drawn in their rows as on the terminal, each filled from the
// bottom up as far as it is full and coloured by how full (green, amber, red), with a red badge for the rehandles its
// open moves have ahead; and the trucks' turn times as a histogram with the mean and the 95th percentile marked.
import { escapeHtml } from '../shared/http';

export interface BlockKpi {
  block: string; x: number; y: number; length: number; width: number; capacityTeu: number; teu: number;
  boxes: number; fill: number; rehandlesDone: number; rehandlesAhead: number;
}
export interface YardKpis {
  at: string; windowMinutes: number; capacityTeu: number; teu: number; blocks: BlockKpi[];
  trucks: { turns: number; meanMinutes: number; p95Minutes: number; minutes: number[] };
}

const W = 340;

/** Green below 70 %, amber to 85 %, red above: the fill at which a yard starts to dig more than it stacks. */
export function fillColour(fill: number): string {
  return fill < 0.7 ? '#2e7d32' : fill < 0.85 ? '#c99a2e' : '#c62828';
}

export function yardFillMap(k: YardKpis): string {
  if (k.blocks.length === 0) return '<p class="muted">no yard blocks</p>';
  const minX = Math.min(...k.blocks.map((b) => b.x));
  const maxX = Math.max(...k.blocks.map((b) => b.x + b.length));
  const scale = W / Math.max(1, maxX - minX);
  // across the quay as on the map; the rows of blocks stacked one under the other, each tall enough to read
  const rowsY = [...new Set(k.blocks.map((b) => b.y))].sort((a, b) => a - b);
  const rowH = 34;
  const h = rowsY.length * rowH;
  const blocks = k.blocks.map((b) => {
    const x = (b.x - minX) * scale;
    const y = rowsY.indexOf(b.y) * rowH + 2;
    const w = Math.max(2, b.length * scale - 2);
    const bh = rowH - 6;
    const filled = bh * Math.min(1, b.fill);
    const badge = b.rehandlesAhead > 0
      ? `<circle cx="${x + w - 7}" cy="${y + 7}" r="6.5" class="rehandle"/><text x="${x + w - 7}" y="${y + 10}" class="badge">${b.rehandlesAhead}</text>` : '';
    return `<g class="kpi-block" data-block="${escapeHtml(b.block)}" data-fill="${b.fill.toFixed(4)}" data-teu="${b.teu}"
        data-capacity="${b.capacityTeu}" data-rehandles-ahead="${b.rehandlesAhead}" data-rehandles-done="${b.rehandlesDone}">
      <rect x="${x}" y="${y}" width="${w}" height="${bh}" class="track"/>
      <rect x="${x}" y="${y + bh - filled}" width="${w}" height="${filled}" fill="${fillColour(b.fill)}" class="fill"/>
      ${w > 26 ? `<text x="${x + 3}" y="${y + 11}" class="label">${escapeHtml(b.block)}</text><text x="${x + 3}" y="${y + bh - 3}" class="label">${Math.round(b.fill * 100)}%</text>` : ''}
      ${badge}
      <title>${escapeHtml(b.block)}: ${b.teu} of ${b.capacityTeu} TEU (${(b.fill * 100).toFixed(1)} %), ${b.boxes} boxes; ${b.rehandlesAhead} boxes to lift off before open moves, ${b.rehandlesDone} rehandles in the last ${k.windowMinutes} min</title></g>`;
  }).join('');
  return `<svg id="kpi-yard" viewBox="0 0 ${W} ${h}" width="100%">${blocks}</svg>`;
}

/** Rehandles per block: done in the window (solid) and ahead of open moves (hatched red), one bar each. */
export function rehandleBars(k: YardKpis): string {
  const rows = k.blocks.filter((b) => b.rehandlesDone > 0 || b.rehandlesAhead > 0);
  if (rows.length === 0) return '<p class="muted" id="kpi-rehandles-none">no rehandles done or ahead</p>';
  const most = Math.max(...rows.map((b) => b.rehandlesDone + b.rehandlesAhead));
  const row = 16;
  const unit = (W - 150) / most;
  const bars = rows.map((b, n) => {
    const y = n * row;
    return `<g class="kpi-rehandle" data-block="${escapeHtml(b.block)}" data-done="${b.rehandlesDone}" data-ahead="${b.rehandlesAhead}">
      <text x="0" y="${y + 11}">${escapeHtml(b.block)}</text>
      <rect x="40" y="${y + 3}" width="${b.rehandlesDone * unit}" height="${row - 6}" class="bar done"/>
      <rect x="${40 + b.rehandlesDone * unit}" y="${y + 3}" width="${b.rehandlesAhead * unit}" height="${row - 6}" class="ahead"/>
      <text x="${W - 104}" y="${y + 11}">${b.rehandlesDone} done · ${b.rehandlesAhead} ahead</text></g>`;
  }).join('');
  return `<svg id="kpi-rehandles" viewBox="0 0 ${W} ${rows.length * row}" width="100%">${bars}</svg>`;
}

/** Turn times in 10-minute bins up to the longest, the mean a line, the 95th percentile a dashed line. */
export function truckTurnHistogram(k: YardKpis): string {
  const t = k.trucks;
  if (t.turns === 0) return `<p class="muted" id="kpi-trucks-none">no truck turned in the last ${k.windowMinutes} min</p>`;
  const bin = 10;
  const top = Math.max(bin, Math.ceil(Math.max(...t.minutes) / bin) * bin);
  const counts = new Array<number>(top / bin).fill(0);
  for (const m of t.minutes) counts[Math.min(counts.length - 1, Math.floor(m / bin))]++;
  const h = 84;
  const most = Math.max(...counts);
  const x = (minutes: number) => 20 + (minutes / top) * (W - 30);
  const bars = counts.map((c, i) => {
    const bh = (c / most) * (h - 30);
    return `<rect x="${x(i * bin) + 1}" y="${h - 12 - bh}" width="${x(bin) - x(0) - 2}" height="${bh}" class="bar" data-bin="${i * bin}" data-count="${c}"><title>${c} trucks ${i * bin}–${(i + 1) * bin} min</title></rect>`;
  }).join('');
  const ticks = counts.map((_, i) => `<text x="${x(i * bin)}" y="${h}" class="tick">${i * bin}</text>`).join('');
  return `<svg id="kpi-trucks" viewBox="0 0 ${W} ${h + 2}" width="100%" data-turns="${t.turns}"
      data-mean="${t.meanMinutes.toFixed(1)}" data-p95="${t.p95Minutes.toFixed(1)}">${bars}${ticks}
    <line x1="${x(t.meanMinutes)}" x2="${x(t.meanMinutes)}" y1="16" y2="${h - 12}" class="mean"/>
    <line x1="${x(t.p95Minutes)}" x2="${x(t.p95Minutes)}" y1="16" y2="${h - 12}" class="p95"/>
    <text x="0" y="10">${t.turns} trucks · mean ${t.meanMinutes.toFixed(0)} min (amber) · p95 ${t.p95Minutes.toFixed(0)} min (dashed)</text></svg>`;
}
