-- Vessel calls and their bay plans (BAPLIE-style stowage slots BBBRRTT); position keeps the plan's order.
create table vessel_calls (
    id                  text primary key,
    imo                 char(7)          not null,
    vessel_name         text             not null,
    length_overall_m    double precision not null,
    beam_m              double precision not null,
    draft_m             double precision not null,
    voyage              text             not null,
    line                text             not null,
    berth               text,
    eta                 timestamptz      not null,
    etb                 timestamptz,
    etd                 timestamptz      not null,
    updated_at          timestamptz      not null,
    constraint vessel_calls_window check (eta < etd)
);

create table bay_plan_entries (
    call_id   text        not null references vessel_calls (id) on delete cascade,
    container varchar(11) not null references containers (number),
    slot      char(7)     not null,
    action    text        not null check (action in ('DISCHARGE', 'LOAD', 'RESTOW', 'REMAIN_ON_BOARD')),
    position  integer     not null,
    primary key (call_id, container),
    unique (call_id, action, slot)
);
