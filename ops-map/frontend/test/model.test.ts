import { describe, expect, it } from 'vitest';
import { MapModel } from '../src/map/model';
import type { Delta, Layout, Snapshot } from '../src/shared/types';

const layout: Layout = {
  terminalCode: 'T', name: 'T', port: 'NLRTM',
  bounds: { minX: 0, maxX: 100, minY: -10, maxY: 100, gateRoadY: 90 },
  bayPitchMetres: 6.5, rowPitchMetres: 2.9,
  quay: { name: 'Q', lengthMeters: 100, craneRailY: 3, apronQueueY: 42, berths: [] },
  blocks: [{ id: 'A01', x: 0, y: 50, bays: 4, rows: 2, maxTiers: 3, reeferRows: [], craneKind: 'RTG' }],
  lanes: [], gates: [], machines: [],
};

function snapshot(containers: Snapshot['containers']): Snapshot {
  return { at: 0, containers, machines: [], instructions: [], calls: [], alerts: [] };
}

function delta(serial: number, containers: Delta['containers']): Delta {
  return { serial, sentAt: 0, events: containers.length, containers, machines: [], instructions: [], calls: [], alerts: [] };
}

describe('MapModel', () => {
  it('builds every stack of the layout, empty', () => {
    const model = new MapModel(layout);
    expect(model.stacks.size).toBe(8);
    expect(model.height('A01-01-01')).toBe(0);
  });

  it('a 40-foot box covers its head bay and the next', () => {
    const model = new MapModel(layout);
    model.applySnapshot(snapshot([['MSCU1234566', 'yard:A01-01-01-1', 5, 'MSC', 'USNYC', 20000, 'IMPORT', '42G1', null, null]]));
    expect(model.height('A01-01-01')).toBe(1);
    expect(model.height('A01-02-01')).toBe(1);
    expect(model.height('A01-03-01')).toBe(0);
  });

  it('a move empties the old stack and fills the new one, keeping master data', () => {
    const model = new MapModel(layout);
    model.applySnapshot(snapshot([['MSCU1234566', 'yard:A01-03-02-1', 5, 'MSC', 'USNYC', 20000, 'IMPORT', '22G1', null, '3']]));
    model.applyDelta(delta(1, [['MSCU1234566', 'yard:A01-01-01-2', 6]]));
    expect(model.height('A01-03-02')).toBe(0);
    expect(model.contents('A01-01-01').map((b) => b.imdg)).toEqual(['3']);
    expect(model.locationOf('MSCU1234566')).toBe('yard:A01-01-01-2');
  });

  it('a delta older than what the map shows does not move a box back', () => {
    const model = new MapModel(layout);
    model.applySnapshot(snapshot([['MSCU1234566', 'yard:A01-03-02-1', 9, 'MSC', 'USNYC', 20000, 'IMPORT', '22G1', null, null]]));
    model.applyDelta(delta(1, [['MSCU1234566', 'yard:A01-01-01-1', 8]]));
    expect(model.locationOf('MSCU1234566')).toBe('yard:A01-03-02-1');
  });

  it('a box that left the terminal is forgotten', () => {
    const model = new MapModel(layout);
    model.applySnapshot(snapshot([['MSCU1234566', 'yard:A01-03-02-1', 9, 'MSC', 'USNYC', 20000, 'IMPORT', '22G1', null, null]]));
    model.applyDelta(delta(1, [['MSCU1234566', null, 10]]));
    expect(model.boxes.has('MSCU1234566')).toBe(false);
    expect(model.height('A01-03-02')).toBe(0);
  });
});
