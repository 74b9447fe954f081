import { describe, expect, it } from 'vitest';
import { duration } from '../src/map/kpi';

describe('quay KPI pictures', () => {
  it('says a crane idle time as the control room does', () => {
    expect(duration(40)).toBe('40 s');
    expect(duration(60)).toBe('1 min');
    expect(duration(12 * 60 + 59)).toBe('12 min');
    expect(duration(3600 + 5 * 60)).toBe('1 h 05 min');
  });
});
