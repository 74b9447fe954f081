-- Fencing for the one ordered move writer. A writer takes the lease by raising the epoch; every batch it
-- appends to move_log checks its epoch under a share lock on this row. A writer that lost the lease is
-- refused, and the new writer's epoch update waits for any append already in flight, so the new writer's
-- replay sees every acknowledged move.
create table yard_writer (
    name        text primary key,
    epoch       bigint      not null,
    holder      text        not null,
    acquired_at timestamptz not null
);
