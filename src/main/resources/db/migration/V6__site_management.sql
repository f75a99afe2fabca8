-- Site management from the newsroom: former slugs of sections, tags and authors (old
-- addresses answer 301), author photos, and the site's name and tagline as an
-- administrator set them.

-- Every slug a section, tag or author had before a rename. A live slug always wins: when
-- a section (tag, author) takes a slug listed here, the row goes.
create table section_slug (
    slug       text primary key,
    section_id bigint not null references section (id) on delete cascade
);
create index section_slug_section_idx on section_slug (section_id);

create table tag_slug (
    slug   text primary key,
    tag_id bigint not null references tag (id) on delete cascade
);
create index tag_slug_tag_idx on tag_slug (tag_id);

create table author_slug (
    slug      text primary key,
    author_id bigint not null references author (id) on delete cascade
);
create index author_slug_author_idx on author_slug (author_id);

-- A site-relative image path for now (the media library will offer its own images).
alter table author add column photo_path text;

-- One row, once an administrator changes them; until then broadsheet.site.name and
-- broadsheet.site.tagline apply.
create table site_identity (
    id         boolean primary key default true check (id),
    name       text not null,
    tagline    text not null,
    updated_at timestamptz not null default now()
);
