-- What the berth planner last wrote into each vessel call. A call's berth and ETB equal to the planner's write are the
-- plan's (the next plan may move them); any other berth and future ETB were set by someone else and are held. Kept
-- here so a restarted planner (or the node that takes its lease over) still tells the two apart. The ETA and the
-- line's requested berthing of the time are kept because live state's ETB is the plan's from then on.
create table berth_plan_writes (
    call_id    text primary key references vessel_calls (id) on delete cascade,
    berth      text        not null,
    etb        timestamptz not null,
    eta        timestamptz not null,
    requested  timestamptz not null,
    written_at timestamptz not null
);
