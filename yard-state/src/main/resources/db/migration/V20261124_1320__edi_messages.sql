-- Every inbound EDIFACT interchange as received, with what became of it (vessel-api's EDI inbox). A row is written
-- RECEIVED before anything is applied and then set to its outcome, so a crash in between leaves a visible RECEIVED
-- row, never a silent gap. errors and repairs are JSON arrays of {segment, position, element, component, reason |
-- repair}; messages summarises each message (type, version, reference, vessel, containers).
create table edi_messages (
    id             bigint generated always as identity primary key,
    received_at    timestamptz not null,
    sender         text        not null,
    recipient      text        not null,
    interchange    text        not null,
    message_types  text        not null,
    vessel_call    text,
    outcome        text        not null check (outcome in ('RECEIVED', 'APPLIED', 'ACCEPTED', 'REJECTED')),
    reason         text,
    errors         jsonb       not null default '[]'::jsonb,
    repairs        jsonb       not null default '[]'::jsonb,
    messages       jsonb       not null default '[]'::jsonb,
    content        text        not null,
    content_sha256 char(64)    not null,
    decided_at     timestamptz
);

create index edi_messages_sender_idx on edi_messages (sender, received_at);
create index edi_messages_call_idx on edi_messages (vessel_call) where vessel_call is not null;
