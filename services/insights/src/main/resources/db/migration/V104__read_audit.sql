-- Who read which HR figures, and when: the employer's own people are accountable for what they look at.
create table insights_read_audit (
    id         bigserial   primary key,
    tenant_id  text        not null,
    reader     text        not null,
    roles      text        not null,
    what       text        not null,
    read_at    timestamptz not null
);
create index insights_read_audit_tenant on insights_read_audit (tenant_id, read_at desc, id desc);
