-- Full-text search over public stories: a weighted tsvector stored on every article, kept
-- up to date by triggers on each write that changes what it holds, and a GIN index on it.
-- See "Search" in docs/DESIGN.md.

-- Accent-insensitive search: unaccent is a contrib extension shipped with PostgreSQL (and in
-- the embedded bundle); it is "trusted" since PostgreSQL 13, so a database owner may create it.
create extension if not exists unaccent;

-- One text-search configuration per language PostgreSQL stems (its snowball configurations,
-- and "simple"), copied as broadsheet_<language> with unaccent put before the language's own
-- dictionaries for every kind of word that may hold letters beyond ASCII (words, words with
-- digits, the parts of hyphenated words): "café" and "cafe" are then the same word.
do $$
declare
    language record;
    token text;
    dictionaries text;
begin
    for language in select c.oid, c.cfgname from pg_ts_config c
                     where c.cfgnamespace = 'pg_catalog'::regnamespace order by c.cfgname loop
        execute format('create text search configuration %I (copy = pg_catalog.%I)',
                       'broadsheet_' || language.cfgname, language.cfgname);
        foreach token in array array['word', 'hword', 'hword_part', 'numword', 'numhword', 'hword_numpart'] loop
            select string_agg(m.mapdict::regdictionary::text, ', ' order by m.mapseqno) into dictionaries
              from pg_ts_config_map m
             where m.mapcfg = language.oid
               and m.maptokentype = (select t.tokid from ts_token_type('default') t where t.alias = token);
            execute format('alter text search configuration %I alter mapping for %s with unaccent, %s',
                           'broadsheet_' || language.cfgname, token, dictionaries);
        end loop;
    end loop;
end
$$;

-- Which configuration the stored vectors were made with. The service compares it with
-- broadsheet.search.language on start and re-indexes every article once when they differ.
-- (Text, not regconfig: pg_upgrade refuses tables with regconfig columns.)
create table search_index (
    id       boolean primary key default true check (id),
    config   text not null,
    built_at timestamptz not null default now()
);
insert into search_index (config) values ('broadsheet_english');

-- The text of an article's stored body HTML: tags (and story-reference markers, which are
-- comments) become spaces and character references characters: first those the sanitiser
-- writes (in one pass of plain replaces), then, only if any is left, every other numeric one.
-- White space is left as it is. Immutable: it reads nothing but its argument.
create function search_plain_text(html text) returns text
language plpgsql immutable strict parallel safe as $$
declare
    result text := regexp_replace(html, '<[^>]*>', ' ', 'g');
    reference text[];
    code int;
begin
    result := replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(result,
                  '&#39;', ''''), '&#34;', '"'), '&#43;', '+'), '&#61;', '='), '&#64;', '@'), '&#96;', '`'),
                  '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&apos;', ''''), '&nbsp;', ' ');
    if strpos(result, '&#') > 0 then
        for reference in select distinct r from regexp_matches(result, '&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});', 'g') r loop
            code := case when reference[1] ~ '^[xX]'
                         then ('x' || lpad(substr(reference[1], 2), 8, '0'))::bit(32)::int
                         else reference[1]::int end;
            result := replace(result, '&#' || reference[1] || ';',
                              case when code between 1 and 1114111 and code not between 55296 and 57343
                                   then chr(code) else ' ' end);
        end loop;
    end if;
    return replace(result, '&amp;', '&');
end
$$;

-- The weighted document of an article: headline A, standfirst and tag names B, body text C.
create function search_document(config text, headline text, standfirst text, tags text, body_html text)
returns tsvector language sql stable parallel safe as $$
    select setweight(to_tsvector(config::regconfig, coalesce(headline, '')), 'A')
        || setweight(to_tsvector(config::regconfig, coalesce(standfirst, '')), 'B')
        || setweight(to_tsvector(config::regconfig, coalesce(tags, '')), 'B')
        || setweight(to_tsvector(config::regconfig, search_plain_text(coalesce(body_html, ''))), 'C')
$$;

create function search_tag_names(article bigint) returns text
language sql stable parallel safe as $$
    select coalesce(string_agg(t.name, ' ' order by at.position), '')
      from article_tag at join tag t on t.id = at.tag_id
     where at.article_id = article
$$;

-- The vector is kept in the row itself (storage main), not in the TOAST table with the
-- bodies: ranking and phrase checks read the vectors of hundreds of stories per search, and
-- fetching each from TOAST cost several times more than the check (measured: see "Search" in
-- docs/DESIGN.md).
alter table article add column search_vector tsvector;
alter table article alter column search_vector set storage main;

-- Every article written so far.
update article a
   set search_vector = search_document('broadsheet_english', a.headline, a.standfirst,
                                       search_tag_names(a.id), a.body_html);

-- Readers' searches only ever look for public stories, so the index holds only those:
-- drafts and unpublished stories cost it nothing. New entries wait in a pending list of at most
-- 512 kB (not the default 4 MB), which every search also reads, until a vacuum or the write that
-- fills it merges them: a save then costs about 4 ms of index work, where entering each of a
-- story's few hundred words at once (fastupdate off) cost about 40 ms.
create index article_search_idx on article using gin (search_vector)
    with (fastupdate = on, gin_pending_list_limit = 512)
    where status = 'published';

-- Article rows: the vector follows the headline, standfirst and body as they are written.
create function search_article_written() returns trigger language plpgsql as $$
begin
    new.search_vector := search_document((select config from search_index), new.headline, new.standfirst,
                                         search_tag_names(new.id), new.body_html);
    return new;
end
$$;

create trigger article_search_insert before insert on article
    for each row execute function search_article_written();
create trigger article_search_update before update of headline, standfirst, body_html on article
    for each row
    when (old.headline is distinct from new.headline or old.standfirst is distinct from new.standfirst
          or old.body_html is distinct from new.body_html)
    execute function search_article_written();

-- Tags added to or taken from articles, and renamed tags: the articles concerned are
-- indexed again, once per statement, and written only when their vector changed.
create function search_articles_retagged() returns trigger language plpgsql as $$
begin
    update article a
       set search_vector = d.vector
      from (select x.id, search_document((select config from search_index), x.headline, x.standfirst,
                                         search_tag_names(x.id), x.body_html) as vector
              from article x where x.id in (select article_id from changed)) d
     where a.id = d.id and a.search_vector is distinct from d.vector;
    return null;
end
$$;

create trigger article_tag_search_insert after insert on article_tag
    referencing new table as changed
    for each statement execute function search_articles_retagged();
create trigger article_tag_search_delete after delete on article_tag
    referencing old table as changed
    for each statement execute function search_articles_retagged();
create trigger article_tag_search_update after update on article_tag
    referencing new table as changed
    for each statement execute function search_articles_retagged();

create function search_tag_renamed() returns trigger language plpgsql as $$
begin
    update article a
       set search_vector = search_document((select config from search_index), a.headline, a.standfirst,
                                           search_tag_names(a.id), a.body_html)
     where a.id in (select at.article_id
                      from article_tag at
                      join renamed r on r.id = at.tag_id
                      join former f on f.id = r.id
                     where r.name is distinct from f.name);
    return null;
end
$$;

-- (A trigger with transition tables may not name columns, so it compares the names itself.)
create trigger tag_search_rename after update on tag
    referencing old table as former new table as renamed
    for each statement execute function search_tag_renamed();

