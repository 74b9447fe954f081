-- Telemetry owned by telemetry-ingest.
-- telemetry_reading: accepted readings (state, reefer, connection), range-partitioned by UTC day on the machine's
-- timestamp; the ingest creates partitions ahead of time and drops whole partitions past the retention.
-- telemetry_event: every accepted QoS 1 event, kept; the unique key makes a broker's redelivery after an ingest
-- restart a no-op, and outcome records what the event did (a pending spreader lock, the move it became, a refusal).
-- telemetry_quarantine: every refused message, byte for byte, with the reason.

create table telemetry_reading (
    recorded_at timestamptz not null,
    received_at timestamptz not null,
    machine_id  text        not null,
    topic       text        not null,
    sequence    bigint      not null,
    payload     jsonb       not null
) partition by range (recorded_at);

create index telemetry_reading_machine_idx on telemetry_reading (machine_id, recorded_at);

create table telemetry_event (
    id             bigint generated always as identity primary key,
    machine_id     text        not null,
    sequence       bigint      not null,
    recorded_at    timestamptz not null,
    received_at    timestamptz not null,
    type           text        not null,
    container      varchar(11),
    location       text,
    instruction_id text,
    payload        jsonb       not null,
    outcome        text,
    outcome_text   text,
    move_seq       bigint,
    move_kind      text,
    constraint telemetry_event_once unique (machine_id, sequence, recorded_at)
);

create index telemetry_event_pending_lock_idx on telemetry_event (machine_id, container, id)
    where outcome = 'LOCK_PENDING';
create index telemetry_event_container_idx on telemetry_event (container, id) where container is not null;

create table telemetry_quarantine (
    id              bigint generated always as identity primary key,
    received_at     timestamptz not null,
    topic           text        not null,
    machine_claimed text,
    reason_code     text        not null,
    reason_text     text        not null,
    payload         bytea       not null
);

create index telemetry_quarantine_received_idx on telemetry_quarantine (received_at);
create index telemetry_quarantine_machine_idx on telemetry_quarantine (machine_claimed, received_at);
