-- Staff mail waits here until a node hands it to the SMTP server. A row is written in the
-- transaction of what caused it (an invitation, a reset request), so a mail exists only if its
-- cause committed. Nodes claim due rows with FOR UPDATE SKIP LOCKED: each is sent once.
create table mail_queue (
    id              bigint generated always as identity primary key,
    kind            text not null,
    recipient       text not null,
    recipient_name  text not null default '',
    subject         text not null,
    -- cleared once sent or given up on: it may hold a one-time link
    body            text,
    -- batching: a notice about one thing to one person (moderation:12) is sent at most once an interval
    topic           text,
    created_at      timestamptz not null default now(),
    status          text not null default 'waiting' check (status in ('waiting', 'sent', 'failed')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);
create index mail_queue_due_idx on mail_queue (next_attempt_at, id) where status = 'waiting';
create index mail_queue_topic_idx on mail_queue (topic, created_at desc) where topic is not null;
create index mail_queue_done_idx on mail_queue (created_at) where status <> 'waiting';

-- "Forgot your password?" requests, counted per address and per client for the rate limit,
-- whether or not the address belongs to anyone.
create table password_reset_request (
    id    bigint generated always as identity primary key,
    email text not null,
    ip    text not null,
    at    timestamptz not null default now()
);
create index password_reset_request_email_idx on password_reset_request (lower(email), at desc);
create index password_reset_request_ip_idx on password_reset_request (ip, at desc);
