-- Who changed a tenant's anonymity threshold, when, from what to what: HR sees the trail on the dashboard, so a
-- threshold cannot be lowered back quietly to read a small group.
create table insights_threshold_change (
    id                  bigserial   primary key,
    tenant_id           text        not null,
    changed_by          text        not null,
    changed_at          timestamptz not null,
    previous_threshold  integer,
    new_threshold       integer     not null
);
create index insights_threshold_change_tenant on insights_threshold_change (tenant_id, changed_at desc, id desc);
