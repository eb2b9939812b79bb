-- Microsoft Teams workflow webhooks of a tenant (optionally only for one team). The URL carries its own
-- signature, so it is a credential: stored AES-GCM sealed; only a hint is kept readable.
create table teams_channel (
    tenant_id   text        not null,
    id          uuid        not null,
    sealed_url  text        not null,
    url_hint    text        not null,
    team_id     uuid,
    status      text        not null check (status in ('active', 'disabled')),
    created_at  timestamptz not null,
    disabled_at timestamptz,
    version     bigint      not null,
    primary key (tenant_id, id)
);
create index teams_channel_active on teams_channel (tenant_id, created_at) where status = 'active';
