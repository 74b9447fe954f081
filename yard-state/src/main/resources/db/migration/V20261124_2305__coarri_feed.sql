-- COARRI after departure: once a call's actual departure is recorded, the webhook dispatcher writes one COARRI per
-- line with discharges or loads on it. coarri_calls marks a call whose reports are written, in the same transaction
-- as the reports, so each call's are written once, also across restarts and by several nodes.
create table coarri_calls (
    call_id    text        primary key references vessel_calls (id) on delete cascade,
    written_at timestamptz not null
);

create table coarri_reports (
    id         bigint generated always as identity primary key,
    call_id    text        not null references vessel_calls (id) on delete cascade,
    line       text        not null,
    moves      integer     not null check (moves > 0),
    coarri     text        not null,
    created_at timestamptz not null,
    constraint coarri_reports_one_per_line unique (call_id, line)
);

-- A line's COARRI subscription reads its next report after its cursor every second.
create index coarri_reports_feed_idx on coarri_reports (line, created_at, id);

-- The dispatcher looks for departed calls without reports every round.
create index vessel_call_events_departed_idx on vessel_call_events (call_id) where type = 'DEPA' and classifier = 'ACT';

-- A call's discharges and loads, by the call named in their vessel-side location (vessel:CALL/slot).
create index move_log_vessel_call_idx on move_log ((split_part(substring(
    case kind when 'DISCHARGE' then from_location else to_location end from 8), '/', 1)))
    where kind in ('DISCHARGE', 'LOAD');
