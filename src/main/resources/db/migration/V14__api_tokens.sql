-- API tokens: a staff member's keys to the JSON API's writes. Only the SHA-256 of the secret
-- is kept; the token itself is shown once, when made. A token acts with its owner's role as it
-- is at each request, so a disabled or demoted account's tokens lose their powers at once.
create table api_token (
    id           bigint generated always as identity primary key,
    staff_id     bigint not null references staff_user (id) on delete cascade,
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    -- written at most once a minute per token, not on every request
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_staff_idx on api_token (staff_id, created_at desc);
