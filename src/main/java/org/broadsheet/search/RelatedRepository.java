package org.broadsheet.search;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the stories related to an article straight from the article and tag tables, as
 * search does: one query scores the candidates and returns the best.
 */
@Repository
class RelatedRepository {

    /**
     * Candidates are the 300 public stories that share most tag weight with the article, and the
     * 200 newest of its section; each scores, for every tag it shares, the tag kind's weight times
     * the tag's rarity ({@code ln(1 + stories / stories with the tag)}, the number of stories
     * being PostgreSQL's estimate, which costs nothing to read), plus how closely its headline,
     * standfirst and tags (the search vector's weights A and B) match the article's headline and
     * standfirst ({@code ts_rank} over any of their words, in the search language). A candidate
     * that scores nothing (a section's story with no tag or word in common) is not related.
     * Ranking reads the stored search vectors rather than parsing each candidate's text: about
     * 8 ms a list at 10,000 stories where parsing took about 50 (a busy 2-core machine); and only
     * their weights A and B ({@code related_vector}, V18, 250 bytes against the whole vector's
     * 5 KB, kept in the row): 2.5 ms a list against 3.7 at 100,000 stories, the same lists. The
     * section's newest are read through its index, newest first, stopping at 200: joined to
     * {@code me} instead, PostgreSQL read and sorted the whole section (5,000 stories of 100,000,
     * 4 ms of a 12 ms list). The article's words are made a query once, in {@code me}: cast from
     * text for each candidate, they were a third of a list's time. Words add less than 0.33 to a
     * score: {@code ts_rank} averages over the query's words, and one word's part is at most
     * (1 + π²/6) / (π²/6), about 1.61, times its largest weight, 0.2 (exactly 0.2 here, where every
     * position weighs the same). So a candidate whose tags score 0.33 or more below the
     * {@code COUNT}-th best tag score that may be shown ({@code bar}) cannot be shown: usually the
     * section's candidates, which share no tag. The bar is found walking the tag candidates best
     * first and stopping at the {@code COUNT}-th that may be shown; then only the stories that can
     * still make the list ({@code survivors}) are read from the article table and ranked by their
     * words, and the section's newest only when the bar is under 0.33 (an article with no tag or
     * only rare ones). A list takes about 0.6 ms where reading every candidate took 1.7, with the
     * same lists (920 compared, 120 of them with no tag or a rare one). The limit is written into
     * the statement: as a parameter, PostgreSQL planned the statement again on every run.
     */
    private static final String RELATED =
            """
            with me as (
                select a.id, a.section_id,
                       replace(plainto_tsquery((select config from search_index)::regconfig, a.headline || ' ' || a.standfirst)::text, '&', '|')::tsquery as words
                from article a where a.id = :id),
            my_tags as (
                select at.tag_id,
                       case t.kind when 'person' then 1.5 when 'organisation' then 1.3 when 'place' then 1.2 else 1.0 end
                           as weight
                from article_tag at join tag t on t.id = at.tag_id where at.article_id = :id),
            total as (select greatest(reltuples, 1)::float8 as n from pg_class where oid = 'article'::regclass),
            rarity as (
                select at.tag_id, ln(1 + total.n / count(*)) as idf
                from article_tag at join my_tags mt on mt.tag_id = at.tag_id, total
                group by at.tag_id, total.n),
            by_tags as (
                select at.article_id as id, sum(mt.weight * r.idf) as score
                from article_tag at join my_tags mt on mt.tag_id = at.tag_id join rarity r on r.tag_id = at.tag_id
                group by at.article_id
                order by score desc, id desc limit 300),
            bar as (
                select coalesce((
                    select c.score from (select * from by_tags order by score desc, id desc) c join article a on a.id = c.id
                    where %1$s and a.id <> :id and a.id <> all(:exclude)
                    order by c.score desc, c.id desc offset %2$d - 1 limit 1), 0) as tag_score),
            survivors as (
                select c.id, c.score from by_tags c, bar where c.score + 0.33 >= bar.tag_score
                union all
                select s.id, 0::float8 from (
                    select a.id from article a
                    where (select tag_score from bar) < 0.33 and a.section_id = (select section_id from me) and %1$s
                    order by a.published_at desc limit 200) s
                where s.id not in (select id from by_tags))
            select id from (
                select a.id, a.published_at,
                       s.score + case when numnode(me.words) = 0 or a.related_vector is null then 0
                                      else ts_rank('{0, 0, 0.2, 0.2}', a.related_vector, me.words) end as score
                from survivors s join article a on a.id = s.id, me
                where %1$s and a.id <> :id and a.id <> all(:exclude)) scored
            where score > 0
            order by score desc, published_at desc, id desc
            limit %2$d
            """.formatted("a.status = 'published' and a.published_at <= statement_timestamp()", RelatedStories.COUNT);

    private final JdbcClient jdbc;

    RelatedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of up to {@link RelatedStories#COUNT} stories related to article {@code id}, best
     * first, none of {@code exclude}.
     */
    List<Long> related(long id, Collection<Long> exclude) {
        return jdbc.sql(RELATED)
                .param("id", id)
                .param("exclude", exclude.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /** The tags of article {@code id}. */
    List<Long> tagIds(long id) {
        return jdbc.sql("select tag_id from article_tag where article_id = ?")
                .param(id)
                .query(Long.class)
                .list();
    }
}
