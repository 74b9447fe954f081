// The shapes the ops-map verticle sends (see org.portops.map.live.MapJson and layout.LayoutJson).

export interface Berth { id: string; startMeter: number; endMeter: number; waterDepthMeters: number }
export interface Block {
  id: string; x: number; y: number; bays: number; rows: number; maxTiers: number;
  reeferRows: number[]; craneKind: string;
}
export interface Lane { id: string; x0: number; x1: number; y: number }
export interface Gate { id: string; inbound: boolean; x: number; y: number; width: number }
export interface Layout {
  terminalCode: string; name: string; port: string;
  bounds: { minX: number; maxX: number; minY: number; maxY: number; gateRoadY: number };
  bayPitchMetres: number; rowPitchMetres: number;
  quay: { name: string; lengthMeters: number; craneRailY: number; apronQueueY: number; berths: Berth[] };
  blocks: Block[]; lanes: Lane[]; gates: Gate[];
  machines: { id: string; kind: string; model: string }[];
}

/** [number, location, sequence] for a move, then line, pod, weightKg, category, sizeType, reeferC, imdg. */
export type ContainerJson = [string, string | null, number, ...unknown[]];

export interface Machine {
  id: string; kind: string; x: number; y: number; heading: number; speed: number; status: string;
  spreaderLocked: boolean; twin: boolean; load: string | null; faults: string[]; lastSeen: string;
}
export interface Instruction {
  id: string; container: string; kind: string; from: string; to: string; assigned: string[];
  sequence: number; state: string; updatedAt: string; exception?: { code: string; text: string };
  /** The container's master data, where the server adds it (the cab's work list). */
  detail?: ContainerDetail | null;
  /** The other move of a twin lift, when the instruction has one. */
  twinWith?: string;
  /** That move with its box, where the server adds it (the cab's work list). */
  twin?: Instruction | null;
}
export interface ContainerDetail {
  number: string; sizeType: string; weightKg: number; line: string; portOfLoading: string; portOfDischarge: string;
  category: string; reeferSetPointC?: number; imdgClass?: string;
}
export interface VesselCall {
  id: string; vessel: string; lengthOverallMeters: number; beamMeters: number; voyage: string; line: string;
  berth: string | null; eta: string; etb: string | null; etd: string; discharge: number; load: number;
  /** Where the berth plan placed the vessel along the quay (its bow); null: centred on its berth. */
  quayFromMeter?: number | null;
}
export interface AlertJson {
  key: string; kind: string; severity: string; subject: string; aspect: string; text: string;
  cleared?: boolean; lastSeen?: string; at?: string; acknowledgedBy?: string | null;
}
export interface Snapshot {
  at: number; containers: ContainerJson[]; machines: Machine[]; instructions: Instruction[];
  calls: VesselCall[]; alerts: AlertJson[];
}
export interface Delta {
  serial: number; sentAt: number; events: number; containers: ContainerJson[]; machines: Machine[];
  instructions: Instruction[]; calls: VesselCall[]; alerts: AlertJson[];
}
