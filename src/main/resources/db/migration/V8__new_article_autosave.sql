-- What a staff member typed into "Write a new article" and has not saved yet: one row per
-- person, replaced every 30 seconds or so while they type, removed by their first save of the
-- article (or when they discard it). Not an article: readers and the article list never read it.
create table article_new_autosave (
    staff_id bigint primary key references staff_user (id) on delete cascade,
    saved_at timestamptz not null,
    content  jsonb not null
);
