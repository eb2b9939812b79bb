-- The latest assessment result of each method per employee (WORKSTATION_BASICS, ROSA, ...), so a recommendation
-- combines what every method found instead of letting the newest check erase another method's findings.
-- Kept in step with the recommendation stream in the consumer's transaction; deleted on erasure.
create table assessment_result (
    tenant_id       text        not null,
    id              uuid        not null,
    employee_id     uuid        not null,
    method          text        not null,
    assessment_id   uuid        not null,
    -- finding and precaution codes, comma-separated (codes never contain commas)
    finding_codes   text        not null,
    precautions     text        not null,
    -- true while this result asks for clinical review and no clearance has covered it
    clinical_review boolean     not null,
    assessed_at     timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, employee_id, method)
);
create index assessment_result_by_employee on assessment_result (tenant_id, employee_id);
