-- The key of the lookup hashes (PersonalData.lookupHash: "is this email already enrolled" without storing it
-- readably), wrapped by the master key like every data key, so that replacing the master key re-wraps it and the
-- stored hashes stay comparable. One row; written on first use with the value it was always derived as.
create table lookup_hash_key (
    id          smallint    primary key default 1 check (id = 1),
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now()
);
