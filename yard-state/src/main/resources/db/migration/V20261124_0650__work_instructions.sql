-- Current state of every work instruction (one row each, replaced on every accepted transition),
-- so the live work-instruction map survives a restart.
create table work_instructions (
    id             text primary key,
    container      varchar(11) not null,
    kind           text        not null,
    from_location  text        not null,
    to_location    text        not null,
    assigned       text[]      not null,
    sequence       bigint      not null,
    state          text        not null check (state in ('PLANNED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'DONE',
                                                         'FAILED', 'CANCELLED')),
    exception_code text,
    exception_text text,
    updated_at     timestamptz not null
);

create index work_instructions_open_idx on work_instructions (state) where state not in ('DONE', 'FAILED', 'CANCELLED');
