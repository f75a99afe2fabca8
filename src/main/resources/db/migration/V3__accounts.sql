-- Staff accounts, one-time links, sign-in attempts (for lockout), and the
-- Spring Session tables that keep staff signed in across restarts and nodes.

create table staff_user (
    id                  bigint generated always as identity primary key,
    email               text not null,
    name                text not null,
    password_hash       text not null,
    role                text not null check (role in ('contributor', 'author', 'editor', 'administrator')),
    -- the byline this person writes under, if any
    author_id           bigint references author (id),
    enabled             boolean not null default true,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);
create unique index staff_user_email_idx on staff_user (lower(email));

-- One-time links: 'setup' creates the first administrator (printed to the log on a first
-- start with no staff); 'password' lets a new or locked-out staff member set a password.
-- Only a hash of the token is kept: the link itself is shown once and never stored.
create table staff_token (
    token_hash text primary key,
    purpose    text not null check (purpose in ('setup', 'password')),
    staff_id   bigint references staff_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz,
    check ((purpose = 'setup') = (staff_id is null))
);

create table sign_in_attempt (
    id        bigint generated always as identity primary key,
    email     text not null,
    ip        text not null,
    at        timestamptz not null default now(),
    succeeded boolean not null
);
create index sign_in_attempt_email_idx on sign_in_attempt (lower(email), at desc);
create index sign_in_attempt_ip_idx on sign_in_attempt (ip, at desc);

create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
