-- The newsroom's writing workflow: review before publication, who created an article, a
-- version number against lost updates, every saved version kept, and autosaved drafts.

alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
    check (status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished'));

-- The staff member who created the article: they own it (contributors and authors may
-- work only on their own). Null for imported articles and the demo edition.
alter table article add column created_by bigint references staff_user (id) on delete set null;
-- Goes up by one with every saved change of the content; a save made from an older version
-- is refused. Revision n of an article holds what version n held.
alter table article add column version int not null default 1;

-- The newsroom's lists (by status, by owner, everything newest first). Readers' queries use
-- the partial indexes of V1 and never these.
create index article_status_updated_idx on article (status, updated_at desc, id desc);
create index article_updated_idx on article (updated_at desc, id desc);
create index article_created_by_idx on article (created_by, status, updated_at desc) where created_by is not null;

-- Every saved version of an article's content, as the form that made it (ArticleForm as JSON:
-- slug, headline, standfirst, body, section, authors, tags, image).
create table article_revision (
    id            bigint generated always as identity primary key,
    article_id    bigint not null references article (id) on delete cascade,
    number        int    not null,
    created_at    timestamptz not null,
    staff_id      bigint references staff_user (id) on delete set null,
    kind          text   not null check (kind in ('created', 'saved', 'restored', 'imported')),
    restored_from int,
    -- the fields that differ from the revision before, e.g. {headline,body}
    changes       text[] not null default '{}',
    content       jsonb  not null,
    unique (article_id, number)
);

-- What an editor typed and did not save yet: one per article and person, replaced every
-- 30 seconds or so while they type, removed when they save.
create table article_autosave (
    article_id   bigint not null references article (id) on delete cascade,
    staff_id     bigint not null references staff_user (id) on delete cascade,
    saved_at     timestamptz not null,
    base_version int not null,
    content      jsonb not null,
    primary key (article_id, staff_id)
);

-- Articles written before revisions existed start with theirs as revision 1.
insert into article_revision (article_id, number, created_at, staff_id, kind, content)
select a.id, a.version, a.updated_at, null, 'imported', jsonb_build_object(
        'slug', a.slug, 'headline', a.headline, 'standfirst', a.standfirst, 'body', a.body_markdown,
        'section', s.slug,
        'authors', to_jsonb(array(select au.slug from article_author aa join author au on au.id = aa.author_id
                                   where aa.article_id = a.id order by aa.position)),
        'tags', to_jsonb(array(select t.slug from article_tag at join tag t on t.id = at.tag_id
                                where at.article_id = a.id order by at.position)),
        'image', case when a.image_path is null then null else jsonb_build_object(
                'path', a.image_path, 'alt', a.image_alt, 'caption', a.image_caption, 'credit', a.image_credit,
                'width', a.image_width, 'height', a.image_height) end)
  from article a join section s on s.id = a.section_id;
