-- The equipment registry: which machines the terminal has. Their live state (position, status, load) is
-- telemetry and lives in Hazelcast; its history belongs to telemetry-ingest.
create table equipment (
    id            text primary key,
    kind          text        not null check (kind in ('QUAY_CRANE', 'RTG', 'RMG', 'ASC', 'STRADDLE_CARRIER',
                                                       'TERMINAL_TRACTOR', 'AGV', 'REACH_STACKER')),
    model         text        not null,
    registered_at timestamptz not null
);
