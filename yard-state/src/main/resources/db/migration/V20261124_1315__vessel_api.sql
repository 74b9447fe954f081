-- vessel-api's durable records: transport events of vessel calls (DCSA ARRI/DEPA, planned/estimated/actual),
-- container holds, and event subscriptions with their delivery position and dead letters.

create table vessel_call_events (
    id          bigint generated always as identity primary key,
    call_id     text        not null references vessel_calls (id) on delete cascade,
    line        text        not null,
    type        text        not null check (type in ('ARRI', 'DEPA')),
    classifier  text        not null check (classifier in ('PLN', 'EST', 'ACT')),
    event_time  timestamptz not null,
    created_at  timestamptz not null
);

create index vessel_call_events_created_idx on vessel_call_events (created_at, id);

-- One active hold per container and kind; released holds stay as history.
create table container_holds (
    id          bigint generated always as identity primary key,
    container   varchar(11) not null,
    kind        text        not null check (kind in ('CUSTOMS', 'LINE', 'TERMINAL')),
    reason      text        not null,
    placed_by   text        not null,
    placed_at   timestamptz not null,
    released_by text,
    released_at timestamptz
);

create unique index container_holds_active_idx on container_holds (container, kind) where released_at is null;

-- A line's callback; the cursor is the last event delivered (its creation time and stream key), the secret signs
-- every delivery (HMAC-SHA256), so it is kept as given.
create table event_subscriptions (
    id              uuid primary key,
    line            text        not null,
    callback_url    text        not null,
    secret          text        not null,
    event_types     text[]      not null,
    cursor_created  timestamptz not null,
    cursor_key      text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);

create table webhook_dead_letters (
    id              bigint generated always as identity primary key,
    subscription_id uuid        not null references event_subscriptions (id) on delete cascade,
    body            jsonb       not null,
    attempts        integer     not null,
    last_error      text        not null,
    failed_at       timestamptz not null
);

-- DCSA Just-In-Time port call timestamps the terminal (service provider) and lines (service consumers) exchange
-- for the port call services of a vessel call (BERTH, CARGO_OPERATIONS).
create table jit_timestamps (
    timestamp_id         uuid primary key,
    port_call_service_id uuid        not null,
    call_id              text        not null references vessel_calls (id) on delete cascade,
    line                 text        not null,
    classifier           text        not null check (classifier in ('REQ', 'EST', 'PLN', 'ACT')),
    date_time            timestamptz not null,
    reply_to             uuid,
    delay_reason         text,
    remark               text,
    sent_by              text        not null,
    received_at          timestamptz not null
);

create index jit_timestamps_service_idx on jit_timestamps (port_call_service_id, received_at);
