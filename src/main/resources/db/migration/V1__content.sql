-- Sections, authors, tags and articles: the content model of the reader site.

create table section (
    id          bigint generated always as identity primary key,
    slug        text not null unique,
    name        text not null,
    description text not null default '',
    position    int  not null default 0
);

create table author (
    id    bigint generated always as identity primary key,
    slug  text not null unique,
    name  text not null,
    title text not null default '',
    bio   text not null default ''
);

create table tag (
    id   bigint generated always as identity primary key,
    slug text not null unique,
    name text not null,
    kind text not null default 'topic' check (kind in ('topic', 'person', 'place', 'organisation'))
);

create table article (
    id            bigint generated always as identity primary key,
    slug          text not null unique,
    headline      text not null,
    standfirst    text not null default '',
    body_markdown text not null default '',
    body_html     text not null default '',
    section_id    bigint not null references section (id),
    status        text not null default 'draft'
                  check (status in ('draft', 'scheduled', 'published', 'unpublished')),
    published_at  timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    image_path    text,
    image_alt     text,
    image_caption text,
    image_credit  text,
    image_width   int,
    image_height  int,
    check (status not in ('scheduled', 'published') or published_at is not null),
    check (image_path is null or image_alt is not null)
);

create index article_published_idx on article (published_at desc, id desc) where status = 'published';
create index article_section_published_idx on article (section_id, published_at desc, id desc)
    where status = 'published';
create index article_scheduled_idx on article (published_at) where status = 'scheduled';

create table article_author (
    article_id bigint not null references article (id) on delete cascade,
    author_id  bigint not null references author (id),
    position   int    not null,
    primary key (article_id, author_id)
);
create index article_author_author_idx on article_author (author_id, article_id);

create table article_tag (
    article_id bigint not null references article (id) on delete cascade,
    tag_id     bigint not null references tag (id),
    position   int    not null,
    primary key (article_id, tag_id)
);
create index article_tag_tag_idx on article_tag (tag_id, article_id);

-- Every slug an article has had; the current one included. Old slugs answer 301.
create table article_slug (
    slug       text primary key,
    article_id bigint not null references article (id) on delete cascade
);
create index article_slug_article_idx on article_slug (article_id);

-- Corrections and update notes: dated, public, kept forever.
create table article_note (
    id         bigint generated always as identity primary key,
    article_id bigint not null references article (id) on delete cascade,
    kind       text not null check (kind in ('correction', 'update')),
    noted_at   timestamptz not null,
    body       text not null
);
create index article_note_article_idx on article_note (article_id, noted_at);

-- Story references in article bodies (related-story cards and READ MORE lines).
create table article_reference (
    article_id bigint not null references article (id) on delete cascade,
    target_id  bigint not null references article (id) on delete cascade,
    kind       text   not null check (kind in ('related', 'read-more')),
    primary key (article_id, target_id, kind)
);
create index article_reference_target_idx on article_reference (target_id);
