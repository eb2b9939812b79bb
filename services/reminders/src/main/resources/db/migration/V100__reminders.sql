-- Read models and the work queue of the reminders service.

-- Webhook endpoints of a tenant. The signing secret is stored AES-GCM sealed, never in clear.
create table webhook_endpoint (
    tenant_id     text        not null,
    id            uuid        not null,
    url           text        not null,
    sealed_secret text        not null,
    status        text        not null check (status in ('active', 'disabled')),
    created_at    timestamptz not null,
    disabled_at   timestamptz,
    version       bigint      not null,
    primary key (tenant_id, id)
);
create index webhook_endpoint_active on webhook_endpoint (tenant_id, created_at) where status = 'active';

-- An employee's break schedule: working day in their zone and the cadence.
create table schedule (
    tenant_id       text        not null,
    employee_id     uuid        not null,
    time_zone       text        not null,
    workday_start   text        not null,
    workday_end     text        not null,
    cadence_seconds bigint      not null check (cadence_seconds > 0),
    created_at      timestamptz not null,
    version         bigint      not null,
    primary key (tenant_id, employee_id)
);

-- One row per reminder slot. The engine claims pending rows whose due_at has come (FOR UPDATE SKIP LOCKED),
-- marks them 'sending' while the webhook call runs outside any lock, then 'sent', back to 'pending' with a
-- later due_at for a retry, 'failed', or 'expired' when expires_at passed first. The dedupe key (employee and
-- slot) makes scheduling the same slot twice a no-op, so no slot is ever reminded twice.
create table due_reminder (
    tenant_id      text        not null,
    id             uuid        not null,
    employee_id    uuid        not null,
    slot           timestamptz not null,
    due_at         timestamptz not null,
    expires_at     timestamptz not null,
    dedupe_key     text        not null,
    status         text        not null default 'pending'
                   check (status in ('pending', 'sending', 'sent', 'expired', 'failed')),
    attempts       integer     not null default 0,
    claimed_at     timestamptz,
    sent_at        timestamptz,
    answer         text,
    activity       text,
    active_minutes integer,
    answered_at    timestamptz,
    primary key (tenant_id, id),
    constraint due_reminder_dedupe unique (dedupe_key)
);
create index due_reminder_due on due_reminder (due_at) where status = 'pending';
create index due_reminder_sending on due_reminder (claimed_at) where status = 'sending';
create index due_reminder_employee on due_reminder (tenant_id, employee_id, slot desc);
