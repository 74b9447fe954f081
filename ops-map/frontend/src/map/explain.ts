// The plan's explanation of one move as pictures: a bar per constraint the move's task matches (its weight in the
// plan's score; red when a hard or medium level is touched) and a bar per other crane the move could go to (how
// much worse the whole plan would score there than on its crane).
import { escapeHtml } from '../shared/http';

export interface Explanation {
  instruction: string; call: string; container: string; crane: string | null; task: string; planScore: string;
  reasons: { constraint: string; score: string; text: string }[];
  alternatives: { crane: string; score: string }[];
}

/** hard, medium, soft levels of a Timefold score text such as 0hard/-2medium/-35soft. */
export function levels(score: string): { hard: number; medium: number; soft: number } {
  const out = { hard: 0, medium: 0, soft: 0 };
  for (const m of score.matchAll(/(-?\d+(?:\.\d+)?)(hard|medium|soft)/g)) out[m[2] as 'hard' | 'medium' | 'soft'] = Number(m[1]);
  return out;
}

/** How far {@code score} is below {@code base}, the most significant level first, as [level, amount]. */
export function worseBy(score: string, base: string): ['hard' | 'medium' | 'soft', number] {
  const s = levels(score);
  const b = levels(base);
  if (s.hard !== b.hard) return ['hard', b.hard - s.hard];
  if (s.medium !== b.medium) return ['medium', b.medium - s.medium];
  return ['soft', b.soft - s.soft];
}

const W = 340;

/** @param held the reason a hold keeps the move back (the live instruction's HELD mark), if one does */
export function explanationHtml(e: Explanation, held?: string): string {
  const weights = e.reasons.map((r) => { const l = levels(r.score); return Math.abs(l.hard) * 1e6 + Math.abs(l.medium) * 1e3 + Math.abs(l.soft); });
  const max = Math.max(1, ...weights);
  const row = 16;
  const reasons = e.reasons.map((r, n) => {
    const l = levels(r.score);
    const severe = l.hard !== 0 || l.medium !== 0;
    return `<g class="reason${severe ? ' severe' : ''}" data-constraint="${escapeHtml(r.constraint)}" data-score="${escapeHtml(r.score)}">
      <rect x="0" y="${n * row + 2}" width="${Math.max(2, (weights[n] / max) * (W - 150))}" height="${row - 4}" class="bar"/>
      <text x="${W - 146}" y="${n * row + 12}">${escapeHtml(r.constraint)}</text>
      <title>${escapeHtml(r.text)} (${escapeHtml(r.score)})</title></g>`;
  }).join('');
  const diffs = e.alternatives.map((a) => worseBy(a.score, e.planScore));
  const worst = Math.max(1, ...diffs.map(([, d]) => Math.abs(d)));
  const alternatives = e.alternatives.map((a, n) => {
    const [level, by] = diffs[n];
    return `<g class="alternative ${level}" data-crane="${escapeHtml(a.crane)}" data-worse-by="${by}" data-level="${level}">
      <text x="0" y="${n * row + 12}">${escapeHtml(a.crane)}</text>
      <rect x="48" y="${n * row + 2}" width="${Math.max(2, (Math.abs(by) / worst) * (W - 140))}" height="${row - 4}" class="bar"/>
      <text x="${W - 86}" y="${n * row + 12}">${by > 0 ? '+' : ''}${by} ${level}</text>
      <title>on ${escapeHtml(a.crane)} the plan would score ${escapeHtml(a.score)}</title></g>`;
  }).join('');
  return `<section id="explanation" data-instruction="${escapeHtml(e.instruction)}">
    <h3>Why ${escapeHtml(e.container)} is on ${escapeHtml(e.crane ?? '—')}</h3>
    <p class="muted">plan score ${escapeHtml(e.planScore)}</p>
    ${held ? `<p class="held">⛔ held: ${escapeHtml(held)} — not dispatched until the hold is released</p>` : ''}
    ${e.reasons.length ? `<svg id="explain-reasons" viewBox="0 0 ${W} ${e.reasons.length * row}" width="100%">${reasons}</svg>`
      : '<p class="muted">no constraint concerns this move</p>'}
    <h3>Other cranes <small>(how much worse the plan would be)</small></h3>
    ${e.alternatives.length ? `<svg id="explain-alternatives" viewBox="0 0 ${W} ${e.alternatives.length * row}" width="100%">${alternatives}</svg>`
      : '<p class="muted">no other crane reaches it, or it is under way</p>'}
  </section>`;
}
