-- A truck's visit: in through the in-gate (its drop-offs come in then), out through the out-gate (its pick-ups go
-- out then), so the time a truck spends in the terminal is known. pick_ups keeps the pick-up items as the in-gate
-- clerk recorded them, to be checked again and passed at the out-gate.
create table gate_truck_visits (
    id        uuid primary key,
    truck     text        not null,
    in_at     timestamptz not null,
    in_clerk  text        not null,
    pick_ups  jsonb       not null default '[]'::jsonb,
    out_at    timestamptz,
    out_lane  text,
    out_clerk text
);

create index gate_truck_visits_in_yard_idx on gate_truck_visits (truck) where out_at is null;
