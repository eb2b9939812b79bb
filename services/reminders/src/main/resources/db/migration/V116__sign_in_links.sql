-- Sign-in links (issue 16, /upright check): a link's token is sealed, not stored; what is stored is that it was used,
-- so that it works once. A row lives until its link would have expired anyway, then the hourly prune removes it;
-- erasure removes a person's rows at once.
create table sign_in_link_redeemed (
    nonce       uuid primary key,
    tenant_id   text        not null,
    employee_id uuid        not null,
    redeemed_at timestamptz not null,
    expires_at  timestamptz not null
);
create index sign_in_link_redeemed_employee on sign_in_link_redeemed (tenant_id, employee_id);
create index sign_in_link_redeemed_expiry on sign_in_link_redeemed (expires_at);
