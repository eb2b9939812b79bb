-- Each tenant's anonymity threshold k as its admin set it in insights, learned from upright.insights
-- AnonymityThresholdChanged. Campaign coverage hides a team smaller than the larger of this and the service's own.
-- changed_at keeps the latest change: an older one arriving late never lowers k again.
create table tenant_anonymity_threshold (
    tenant_id  text        not null primary key,
    threshold  integer     not null check (threshold > 0),
    changed_at timestamptz not null
);
