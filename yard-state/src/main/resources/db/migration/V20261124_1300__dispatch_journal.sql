-- Transport dispatch decisions in the decision journal, beside the crane plans (V20261124_0800). Every published
-- transport round is one dispatch_round row (what triggered it, the plan's score and figures), its summary chained
-- into audit_log (audit_id); every work instruction a round changed is one dispatch_decision row: the vehicle it went
-- to, the vehicle it had, the constraint justifications that shaped it and the score of the best other vehicles.
-- Queries go by container, by machine, by vessel call and by time, as for crane decisions.

create table dispatch_round (
    id           bigint generated always as identity primary key,
    published_at timestamptz not null,
    trigger_kind text        not null,
    trigger      jsonb       not null,
    score        text        not null,
    figures      jsonb       not null,
    reassigned   integer     not null,
    audit_id     bigint      not null references audit_log (id)
);

create table dispatch_decision (
    id               bigint generated always as identity primary key,
    round            bigint      not null references dispatch_round (id),
    decided_at       timestamptz not null,
    vessel_call      text,
    instruction_id   text        not null,
    container        varchar(11) not null,
    machine          text,
    previous_machine text,
    state            text        not null,
    instruction      jsonb       not null,
    justifications   jsonb       not null,
    alternatives     jsonb       not null
);

create index dispatch_decision_container_idx on dispatch_decision (container, decided_at);
create index dispatch_decision_machine_idx on dispatch_decision (machine, decided_at);
create index dispatch_decision_previous_machine_idx on dispatch_decision (previous_machine, decided_at)
    where previous_machine is not null;
create index dispatch_decision_call_idx on dispatch_decision (vessel_call, decided_at);
create index dispatch_decision_time_idx on dispatch_decision (decided_at);

create trigger dispatch_round_append_only
    before update or delete on dispatch_round
    for each row execute function refuse_append_only_change();
create trigger dispatch_round_no_truncate
    before truncate on dispatch_round
    for each statement execute function refuse_append_only_change();
create trigger dispatch_decision_append_only
    before update or delete on dispatch_decision
    for each row execute function refuse_append_only_change();
create trigger dispatch_decision_no_truncate
    before truncate on dispatch_decision
    for each statement execute function refuse_append_only_change();
