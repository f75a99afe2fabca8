-- Reader comments, their moderation policy, and the key that signs comment forms.

alter table article add column comments_open boolean not null default true;

create table comment (
    id             bigint generated always as identity primary key,
    article_id     bigint not null references article (id) on delete cascade,
    parent_id      bigint references comment (id) on delete set null,
    depth          int not null default 1 check (depth >= 1),
    status         text not null check (status in ('pending', 'approved', 'spam', 'trash')),
    -- where "restore" takes a comment in the trash or marked as spam
    restore_status text check (restore_status in ('pending', 'approved')),
    author_name    text not null,
    -- never shown to readers: moderation and the "first comment" rule only
    author_email   text not null,
    author_url     text,
    staff          boolean not null default false,
    body           text not null,
    body_html      text not null,
    -- moderation only; emptied after broadsheet.comments.retain-ip-days
    ip             inet,
    user_agent     text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- Few indexes on purpose: every comment posted updates each of them.
create index comment_article_approved_idx on comment (article_id, id) where status = 'approved';
-- The page a thread starts on: top-level approved comments before it.
create index comment_article_roots_idx on comment (article_id, id) where status = 'approved' and parent_id is null;
create index comment_status_idx on comment (status, id);
create index comment_parent_idx on comment (parent_id);
-- Flood limits, the "first comment" rule and duplicates.
create index comment_email_time_idx on comment (lower(author_email), created_at);
create index comment_ip_time_idx on comment (ip, created_at) where ip is not null;
create index comment_duplicate_idx on comment (article_id, md5(body));

-- One row, once an administrator changes the comment policy; until then the
-- broadsheet.comments.* properties apply.
create table comment_policy (
    id                     boolean primary key default true check (id),
    moderation             text not null check (moderation in ('all', 'first', 'none')),
    max_links              int not null,
    moderation_words       text[] not null,
    blocklist              text[] not null,
    min_form_seconds       int not null,
    flood_interval_seconds int not null,
    flood_per_hour         int not null,
    close_after_days       int not null,
    max_depth              int not null,
    per_page               int not null,
    retain_ip_days         int not null,
    updated_at             timestamptz not null default now()
);

create table signing_key (
    name       text primary key,
    secret     bytea not null,
    created_at timestamptz not null default now()
);
