-- A line's CODECO subscription reads its next gate transaction with a CODECO after its cursor every second.
create index gate_transactions_codeco_idx on gate_transactions (line, recorded_at, move_seq) where codeco is not null;
