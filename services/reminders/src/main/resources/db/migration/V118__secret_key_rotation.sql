-- Keys derived from the reminders secret key (link signatures, contact lookup hashes), sealed under it, so that
-- replacing the secret key seals them again and leaves their values (and every stored hash) unchanged. One row per
-- purpose, written on first use with the value it was always derived as. Service-wide, like the secret key itself.
create table derived_secret_key (
    label      text        primary key,
    sealed_key text        not null,
    created_at timestamptz not null default now()
);

-- A webhook endpoint's signing secret can be rotated: until previous_secret_until the old secret still signs each
-- delivery next to the new one (Standard Webhooks allows several signatures), so the receiver can switch in its time.
alter table webhook_endpoint add column sealed_previous_secret text;
alter table webhook_endpoint add column previous_secret_until timestamptz;
