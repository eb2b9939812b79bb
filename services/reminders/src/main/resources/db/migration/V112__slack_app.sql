-- The Slack app (issue 14): installed per tenant with "Add to Slack", it messages each employee directly.

-- One row per installation; at most one active per tenant. The bot token is a credential: stored AES-GCM sealed.
create table slack_app_installation (
    tenant_id        text        not null,
    id               uuid        not null,
    slack_team_id    text        not null,
    slack_team_name  text,
    bot_user_id      text        not null,
    sealed_bot_token text        not null,
    status           text        not null check (status in ('active', 'disabled')),
    installed_at     timestamptz not null,
    disabled_at      timestamptz,
    disabled_reason  text,
    version          bigint      not null,
    primary key (tenant_id, id)
);
create unique index slack_app_installation_one_active on slack_app_installation (tenant_id) where status = 'active';
create index slack_app_installation_by_workspace on slack_app_installation (slack_team_id) where status = 'active';

-- The single-use state of an "Add to Slack" link: which tenant's admin asked, until when it may come back.
create table slack_install_state (
    state      text        primary key,
    tenant_id  text        not null,
    expires_at timestamptz not null
);

-- How to find the employee in their chat tool, as programs shared it (EmployeeContactShared): sealed at rest,
-- deleted at erasure or when they leave.
create table employee_contact (
    tenant_id          text        not null,
    employee_id        uuid        not null,
    sealed_email       text,
    sealed_chat_handle text,
    shared_at          timestamptz not null,
    primary key (tenant_id, employee_id)
);

-- The employee's Slack user in an installation's workspace (null: looked up, none found; asked again later).
create table slack_member (
    tenant_id       text        not null,
    employee_id     uuid        not null,
    installation_id uuid        not null,
    slack_user_id   text,
    looked_up_at    timestamptz not null,
    primary key (tenant_id, employee_id, installation_id)
);

-- Where a reminder's direct message went: to whom (only that Slack user may answer it) and which message it is.
create table slack_message (
    reminder_id     uuid        primary key,
    tenant_id       text        not null,
    employee_id     uuid        not null,
    installation_id uuid        not null,
    slack_user_id   text        not null,
    channel         text        not null,
    ts              text        not null,
    posted_at       timestamptz not null
);
create index slack_message_by_employee on slack_message (tenant_id, employee_id);

-- A shared chat channel announces a team's break once, not once per teammate (personal reminders never go there).
create table team_break_post (
    channel_id uuid        not null,
    team_id    uuid        not null,
    slot       timestamptz not null,
    primary key (channel_id, team_id, slot)
);
