-- COPRAR loading and discharge orders per vessel call (vessel-api's EDI inbox): the containers a line orders loaded
-- onto or discharged from a call before the stowage planning gives them a cell. The latest order of a container for
-- a call replaces the earlier one; edi_message_id is the interchange it came in.
create table vessel_call_orders (
    call_id        text        not null references vessel_calls (id) on delete cascade,
    container      varchar(11) not null,
    action         text        not null check (action in ('LOAD', 'DISCHARGE', 'RESTOW', 'REMAIN_ON_BOARD')),
    line           text        not null,
    master         jsonb       not null,
    edi_message_id bigint      not null references edi_messages (id),
    ordered_at     timestamptz not null,
    primary key (call_id, container)
);
