-- Reading history costs PostgreSQL less per row, at 10,000-20,000 rows/s on the same cores as the ingest.
-- payload becomes json: the ingest has already parsed and checked every payload, and jsonb would parse it again into
-- its binary form on every insert (half of PostgreSQL's CPU per row in bench ingest); json only checks the syntax,
-- keeps the text as received, and the ->, ->> and json_* operators still query it.
-- The btree on (machine_id, recorded_at) cost another third of the remainder, one random insert per row; a BRIN on
-- recorded_at, which grows with the insert order inside each day partition, stays a few pages per partition and
-- narrows any time-window query, per machine included (filtered within the window).

drop index telemetry_reading_machine_idx;

alter table telemetry_reading alter column payload type json using payload::json;

create index telemetry_reading_recorded_brin on telemetry_reading using brin (recorded_at);
