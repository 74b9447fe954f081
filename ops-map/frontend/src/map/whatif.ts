// The what-if panel: pick what might happen (a quay crane breaking down, a vessel arriving late, a gate surge, a
// block closed), and the service's digital twin (POST /api/twin, docs/twin.md) runs the shift forward from the live
// yard with and without it; the answer is drawn as bars, scenario against baseline, with the twin's own SVG report.
import { escapeHtml } from '../shared/http';

export interface TwinRunFigures {
  scenario: string; events: string[]; vesselMoves: number; grossMovesPerCraneHour: number | null;
  craneWaitingHours: number | null; trucksServed: number; truckTurnMeanMinutes: number | null;
  truckTurnP95Minutes: number | null; yardFill: number | null;
}
export interface TwinReport {
  from: string; hours: number; seed: number; yardContainers: number; vesselCalls: number;
  scenarios: TwinRunFigures[]; table: string; svg: string;
}

/** The scenarios the panel offers, in the twin's scenario language, for this terminal's machines, calls and blocks. */
export function scenarioChoices(quayCranes: string[], calls: string[], blocks: string[]): { label: string; text: string }[] {
  return [
    ...quayCranes.map((c) => ({ label: `${c} breaks down for 2 h after 1 h`, text: `${c.toLowerCase()}-down=breakdown:${c}@1h+2h` })),
    ...calls.map((c) => ({ label: `${c} arrives 3 h late`, text: `${c.toLowerCase()}-late=vessel:${c}+3h` })),
    { label: 'three times the trucks for 2 h', text: 'gate-surge=gate-surge:3@1h+2h' },
    ...blocks.slice(0, 6).map((b) => ({ label: `block ${b} closed for 4 h`, text: `${b.toLowerCase()}-closed=block-closed:${b}@0s+4h` })),
  ];
}

const W = 340;
const FIGURES: { key: keyof TwinRunFigures; label: string; higherIsBetter: boolean }[] = [
  { key: 'vesselMoves', label: 'vessel moves', higherIsBetter: true },
  { key: 'grossMovesPerCraneHour', label: 'moves / crane-h', higherIsBetter: true },
  { key: 'craneWaitingHours', label: 'crane h waiting', higherIsBetter: false },
  { key: 'truckTurnMeanMinutes', label: 'truck turn min', higherIsBetter: false },
];

/** Per figure a pair of bars, baseline grey and the scenario green (better) or red (worse), on a common scale. */
export function whatIfBars(report: TwinReport): string {
  const runs = report.scenarios;
  const base = runs[0];
  const row = 12;
  let y = 0;
  const groups = FIGURES.map((f) => {
    const values = runs.map((r) => (r[f.key] as number | null) ?? 0);
    const most = Math.max(1e-9, ...values);
    const bars = runs.map((r, n) => {
      const v = (r[f.key] as number | null) ?? 0;
      const b = (base[f.key] as number | null) ?? 0;
      const cls = n === 0 ? 'baseline' : v === b ? 'same' : (v > b) === f.higherIsBetter ? 'better' : 'worse';
      const bar = `<g class="whatif-bar ${cls}" data-figure="${f.key}" data-scenario="${escapeHtml(r.scenario)}" data-value="${v}">
        <rect class="bar" x="100" y="${y + n * row}" width="${(v / most) * (W - 160)}" height="${row - 2}"/>
        <text x="${104 + (v / most) * (W - 160)}" y="${y + n * row + 9}">${Number.isInteger(v) ? v : v.toFixed(1)}</text>
        <title>${escapeHtml(r.scenario)}: ${f.label} ${v}</title></g>`;
      return bar;
    }).join('');
    const group = `<text x="0" y="${y + 9}" class="figure">${f.label}</text>${bars}`;
    y += runs.length * row + 6;
    return group;
  }).join('');
  const legend = `<span><i class="baseline"></i>${escapeHtml(base.scenario)}</span> <span>${runs.slice(1)
    .map((r) => escapeHtml(r.scenario)).join(', ')}: <i class="better"></i>better <i class="worse"></i>worse</span>`;
  return `<svg id="whatif-bars" viewBox="0 0 ${W} ${y}" width="100%">${groups}</svg><p class="legend">${legend}</p>`;
}

/** The twin's own report picture, shown as an image: its markup never runs in the page. */
export function reportImage(report: TwinReport): string {
  return `<img id="whatif-svg" alt="the twin's report" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(report.svg)}">`;
}
