import { describe, expect, it } from 'vitest';
import { explanationHtml, levels, worseBy } from '../src/map/explain';

describe('plan scores', () => {
  it('reads each level of a Timefold score', () => {
    expect(levels('-1hard/0medium/-35soft')).toEqual({ hard: -1, medium: 0, soft: -35 });
    expect(levels('0hard/-2medium/0soft')).toEqual({ hard: 0, medium: -2, soft: 0 });
  });

  it('says how much worse an alternative is at the most significant level that differs', () => {
    expect(worseBy('0hard/0medium/-560soft', '0hard/0medium/-500soft')).toEqual(['soft', 60]);
    expect(worseBy('-1hard/0medium/-100soft', '0hard/0medium/-500soft')).toEqual(['hard', 1]);
    expect(worseBy('0hard/-3medium/-500soft', '0hard/0medium/-500soft')).toEqual(['medium', 3]);
  });
});

describe('a held move', () => {
  const explanation = {
    instruction: 'WI-1', call: 'CALL1', container: 'MSCU1234566', crane: 'QC01', task: 'T1',
    planScore: '0hard/0medium/-5soft', reasons: [], alternatives: [],
  };

  it('says in the explanation which hold keeps it back', () => {
    expect(explanationHtml(explanation, 'seal broken (terminal hold by sam)'))
      .toContain('⛔ held: seal broken (terminal hold by sam) — not dispatched until the hold is released');
  });

  it('says nothing of holds when none keeps it back', () => {
    expect(explanationHtml(explanation)).not.toContain('held:');
  });
});
