-- Effects of the test consumer: one row per applied record.
create table test_effects (
    id         bigserial primary key,
    tenant_id  text not null,
    subject    text not null,
    applied_at timestamptz not null default now()
);
