import { describe, expect, it } from 'vitest';
import { fillColour, truckTurnHistogram, type YardKpis } from '../src/map/yardkpi';
import { scenarioChoices } from '../src/map/whatif';

const kpis = (minutes: number[]): YardKpis => ({
  at: '2026-11-24T10:00:00Z', windowMinutes: 60, capacityTeu: 100, teu: 10, blocks: [],
  trucks: { turns: minutes.length, meanMinutes: 0, p95Minutes: 0, minutes },
});

describe('yard KPI pictures', () => {
  it('colours a block by how full it is, red from 85 %', () => {
    expect(fillColour(0.69)).toBe('#2e7d32');
    expect(fillColour(0.7)).toBe('#c99a2e');
    expect(fillColour(0.85)).toBe('#c62828');
  });

  it('bins truck turns by ten minutes, the longest in the last bin', () => {
    const svg = truckTurnHistogram(kpis([5, 9.9, 10, 31]));
    const bins = [...svg.matchAll(/data-bin="(\d+)" data-count="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bins).toEqual([[0, 2], [10, 1], [20, 0], [30, 1]]);
    expect(truckTurnHistogram(kpis([]))).toContain('no truck turned');
  });
});

describe('what-if choices', () => {
  it('writes each choice in the twin scenario language', () => {
    const texts = scenarioChoices(['QC01'], ['CALL2'], ['A01']).map((c) => c.text);
    expect(texts).toEqual(['qc01-down=breakdown:QC01@1h+2h', 'call2-late=vessel:CALL2+3h',
      'gate-surge=gate-surge:3@1h+2h', 'a01-closed=block-closed:A01@0s+4h']);
  });
});
