-- The gate (vessel-api's gate package): truck appointments booked into fixed windows with a capacity, and every gate
-- transaction a clerk records, accepted or refused with its reasons, so a refused truck leaves a trace too.

-- Bookings per window; a booking takes a place only while booked < capacity (checked in the same statement), so
-- concurrent bookings never overfill a window.
create table gate_windows (
    window_start timestamptz primary key,
    booked       integer not null check (booked >= 0)
);

create table gate_appointments (
    id           uuid primary key,
    kind         text        not null check (kind in ('DROP_OFF', 'PICK_UP')),
    container    varchar(11) not null,
    line         text        not null,
    truck        text        not null,
    window_start timestamptz not null references gate_windows (window_start),
    window_end   timestamptz not null,
    pre_advice   jsonb,
    status       text        not null check (status in ('BOOKED', 'USED', 'CANCELLED')),
    booked_by    text        not null,
    booked_at    timestamptz not null
);

-- A container has at most one open appointment.
create unique index gate_appointments_open_idx on gate_appointments (container) where status = 'BOOKED';

create table gate_transactions (
    id             uuid primary key,
    appointment_id uuid        references gate_appointments (id),
    direction      text        not null check (direction in ('IN', 'OUT')),
    container      varchar(11) not null,
    line           text,
    truck          text        not null,
    lane           text        not null,
    seal           text,
    damages        jsonb       not null default '[]'::jsonb,
    outcome        text        not null check (outcome in ('ACCEPTED', 'REFUSED')),
    refusals       jsonb       not null default '[]'::jsonb,
    move_seq       bigint,
    codeco         text,
    clerk          text        not null,
    recorded_at    timestamptz not null
);

create index gate_transactions_container_idx on gate_transactions (container, recorded_at);
