-- Bulk imports write their stories without search vectors and leave them to a catch-up on
-- another connection (search.SearchCatchUp), so that making each story's vector (about 0.7 ms
-- of to_tsvector and GIN work) does not hold up the import. An import turns the triggers off
-- for its own bulk statements only, with `set_config('broadsheet.search_deferred', 'on', true)`;
-- every other write still indexes at once, as before. A story without a vector is one waiting
-- for the catch-up (searches do not find it meanwhile); the partial index finds them cheaply and
-- holds nothing otherwise.
create or replace function search_deferred() returns boolean
language sql stable parallel safe as $$
    select coalesce(current_setting('broadsheet.search_deferred', true), '') = 'on'
$$;

create or replace function search_article_written() returns trigger language plpgsql as $$
begin
    if search_deferred() then
        new.search_vector := null;
        return new;
    end if;
    new.search_vector := search_document((select config from search_index), new.headline, new.standfirst,
                                         search_tag_names(new.id), new.body_html);
    return new;
end
$$;

-- Deferred statements only ever tag stories they have just written, whose vectors are waiting.
create or replace function search_articles_retagged() returns trigger language plpgsql as $$
begin
    if search_deferred() then
        return null;
    end if;
    update article a
       set search_vector = d.vector
      from (select x.id, search_document((select config from search_index), x.headline, x.standfirst,
                                         search_tag_names(x.id), x.body_html) as vector
              from article x where x.id in (select article_id from changed)) d
     where a.id = d.id and a.search_vector is distinct from d.vector;
    return null;
end
$$;

create index article_search_waiting_idx on article (id) where search_vector is null;
