-- The crane scheduler's decision journal. Every published plan is one crane_plan row (the triggering event, the
-- score, the plan difference) whose summary is also chained into audit_log (audit_id), so the plan history is
-- tamper-evident; every work instruction a plan created or changed is one crane_decision row (its crane, its
-- place, the constraint justifications that shaped it and the score of the best alternatives).
-- Queries go by container, by machine, by vessel call and by time: each has an index ending in decided_at.

create table crane_plan (
    vessel_call  text        not null,
    version      bigint      not null,
    published_at timestamptz not null,
    trigger_kind text        not null,
    trigger      jsonb       not null,
    score        text        not null,
    makespan     integer     not null,
    reassigned   integer     not null,
    diff         jsonb       not null,
    audit_id     bigint      not null references audit_log (id),
    primary key (vessel_call, version)
);

create table crane_decision (
    id               bigint generated always as identity primary key,
    vessel_call      text        not null,
    version          bigint      not null,
    decided_at       timestamptz not null,
    instruction_id   text        not null,
    container        varchar(11) not null,
    machine          text,
    previous_machine text,
    sequence         bigint      not null,
    state            text        not null,
    instruction      jsonb       not null,
    justifications   jsonb       not null,
    alternatives     jsonb       not null,
    foreign key (vessel_call, version) references crane_plan (vessel_call, version)
);

create index crane_decision_container_idx on crane_decision (container, decided_at);
create index crane_decision_machine_idx on crane_decision (machine, decided_at);
create index crane_decision_previous_machine_idx on crane_decision (previous_machine, decided_at)
    where previous_machine is not null;
create index crane_decision_call_idx on crane_decision (vessel_call, decided_at);
create index crane_decision_time_idx on crane_decision (decided_at);

create trigger crane_plan_append_only
    before update or delete on crane_plan
    for each row execute function refuse_append_only_change();
create trigger crane_plan_no_truncate
    before truncate on crane_plan
    for each statement execute function refuse_append_only_change();
create trigger crane_decision_append_only
    before update or delete on crane_decision
    for each row execute function refuse_append_only_change();
create trigger crane_decision_no_truncate
    before truncate on crane_decision
    for each statement execute function refuse_append_only_change();
