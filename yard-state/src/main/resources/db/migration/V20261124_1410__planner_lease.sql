-- Fenced leader election of the planners (crane scheduler, yard planner, ...): one row per planner. A node takes
-- the lease by raising the token, only once the previous term has expired or been released; expiry is reckoned by
-- this server's clock alone, so the nodes' clocks never have to agree. Every plan write checks its token under a
-- share lock on this row in its own transaction, so a stale leader's write is refused and a takeover waits for a
-- write already in flight.
create table planner_lease (
    planner     text        primary key,
    holder      text        not null,
    token       bigint      not null check (token > 0),
    expires_at  timestamptz not null,
    ttl_ms      bigint      not null check (ttl_ms > 0),
    acquired_at timestamptz not null
);
