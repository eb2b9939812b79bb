-- Slack's Web API limits each method per workspace (its "tiers"). Every instance of the service reserves its calls
-- here, so two engines together stay within them: a row per installation and method holds the earliest instant
-- the next call may start.
create table slack_pacing (
    installation_id uuid        not null,
    method          text        not null,
    next_at         timestamptz not null,
    primary key (installation_id, method)
);

-- Whether a Slack member is busy (Do Not Disturb hours, paused notifications, a huddle), as Slack last told us:
-- by an event (dnd_updated_user, user_huddle_changed) or by asking (dnd.info, users.profile.get) when what we know
-- is older than an hour. Reminders read it before each direct message instead of asking Slack every time.
create table slack_busy (
    installation_id uuid        not null,
    slack_user_id   text        not null,
    dnd_start       timestamptz,
    dnd_end         timestamptz,
    snooze_end      timestamptz,
    in_huddle       boolean     not null default false,
    checked_at      timestamptz not null,
    primary key (installation_id, slack_user_id)
);
