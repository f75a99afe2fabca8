-- What each imported WordPress item became, keyed by its WordPress ID within its kind: a second
-- import of the same file updates these instead of making copies, and an import that stopped
-- half-way finishes the job. Old WordPress addresses of articles answer 301 from here.
create table wordpress_item (
    kind        text   not null check (kind in ('post', 'page', 'attachment', 'comment')),
    wp_id       bigint not null,
    guid        text   not null default '',
    -- the article (post, page) or comment it became; null for an attachment kept as its URL
    target_id   bigint,
    -- an article's old permalink path, without trailing slash ("/2024/03/slug", "/slug")
    old_path    text,
    -- an attachment's original URL
    url         text,
    imported_at timestamptz not null default now(),
    primary key (kind, wp_id)
);

create index wordpress_item_old_path_idx on wordpress_item (old_path) where old_path is not null;
