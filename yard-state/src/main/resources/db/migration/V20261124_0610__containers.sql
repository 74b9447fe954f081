-- Container master data (ISO 6346 number, size-type, VGM, line, ports, category, reefer set point, IMDG class),
-- kept current as containers arrive. The move log carries its own copy of the master data of an arriving
-- container, so replay never depends on this table.
create table containers (
    number             varchar(11) primary key,
    size_type          varchar(4)  not null,
    weight_kg          integer     not null check (weight_kg between 1 and 50000),
    line               text        not null,
    port_of_loading    char(5)     not null,
    port_of_discharge  char(5)     not null,
    category           text        not null check (category in ('IMPORT', 'EXPORT', 'TRANSSHIPMENT', 'EMPTY')),
    reefer_set_point_c double precision,
    imdg_class         text,
    updated_at         timestamptz not null
);
