-- Where along the quay a berthed vessel's stretch begins, as the berth plan placed it (null: at its berth's start).
-- The crane split, the transport hand-over points and the simulator moor and work the vessel there.
alter table vessel_calls add column quay_from_m double precision;
