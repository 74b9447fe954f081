-- The terminal's DCSA JIT timestamps pushed to the line operating the call: planned (PLN) berth times from the berth
-- plan once an operator fixed them, and actual (ACT) arrivals and departures as recorded. Each row is one timestamp
-- as sent; a JIT_TIMESTAMP subscription reads its line's next row after its cursor every second.
create table jit_timestamp_feed (
    id                   bigint generated always as identity primary key,
    call_id              text        not null references vessel_calls (id) on delete cascade,
    line                 text        not null,
    port_call_service_id uuid        not null,
    classifier           text        not null check (classifier in ('PLN', 'ACT')),
    date_time            timestamptz not null,
    timestamp_id         uuid        not null,
    -- the berth plan version a PLN is from: a plan older than the latest written is not written
    plan_version         bigint,
    -- the recorded actual it pushes, so each is pushed once also across restarts and nodes
    source_event         bigint      unique references vessel_call_events (id) on delete cascade,
    body                 text        not null,
    created_at           timestamptz not null
);

create index jit_timestamp_feed_line_idx on jit_timestamp_feed (line, created_at, id);
-- Rows are written one at a time (under one lock) with a creation time never before the latest one's, so a cursor
-- never passes a row written later.
create index jit_timestamp_feed_created_idx on jit_timestamp_feed (created_at);
-- The latest planned time of a service, to push a plan only when it changes it.
create index jit_timestamp_feed_service_idx on jit_timestamp_feed (port_call_service_id, classifier, id);
-- The dispatcher looks for actuals not yet pushed every round.
create index vessel_call_events_actual_idx on vessel_call_events (id) where classifier = 'ACT';
