-- One append-only audit log, also the decision journal: every automated decision with its explanation,
-- every override, every security event. Rows form a hash chain: each row's hash covers the previous row's
-- hash and the row's own content, so an edit made by someone who got past the trigger shows on verification.
-- The trigger, not the client, assigns id, prev_hash and hash under a transaction-scoped advisory lock, so
-- concurrent writers still produce one unbroken chain in id order.

create sequence audit_log_id_seq;

create table audit_log (
    id        bigint primary key,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    subject   text        not null,
    details   jsonb       not null default '{}'::jsonb,
    prev_hash char(64)    not null,
    hash      char(64)    not null unique
);

-- JSON array encoding keeps the hashed text unambiguous whatever the fields contain;
-- microseconds since the epoch keep it independent of the session's time zone.
create function audit_log_hash(prev_hash text, id bigint, at timestamptz, actor text, action text,
                               subject text, details jsonb) returns char(64)
    language sql immutable as
$$
select encode(sha256(convert_to(jsonb_build_array(prev_hash, id,
                                                  (extract(epoch from at) * 1000000)::bigint,
                                                  actor, action, subject, details)::text, 'UTF8')), 'hex')
$$;

create function audit_log_chain() returns trigger
    language plpgsql as
$$
declare
    last_hash text;
begin
    perform pg_advisory_xact_lock(7041551001);
    new.id := nextval('audit_log_id_seq');
    select a.hash into last_hash from audit_log a order by a.id desc limit 1;
    new.prev_hash := coalesce(last_hash, repeat('0', 64));
    new.hash := audit_log_hash(new.prev_hash, new.id, new.at, new.actor, new.action, new.subject, new.details);
    return new;
end
$$;

create trigger audit_log_chain
    before insert on audit_log
    for each row execute function audit_log_chain();

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function refuse_append_only_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function refuse_append_only_change();
