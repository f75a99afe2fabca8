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
     * standfirst and tags match the article's headline and standfirst ({@code ts_rank} over any of
     * their words, in the search language). A candidate that scores nothing (a section's story
     * with no tag or word in common) is not related. Each part is shaped by a measured cost
     * ({@code docs/performance.md}: "Related stories", and sessions 28 to 30 of issue 12):
     *
     * <ul>
     *   <li>Ranking reads the stored vector's weights A and B ({@code related_vector}, V18, kept in
     *       the row), not each candidate's text, nor its whole 5 KB search vector.
     *   <li>The article's words are made a query once, in {@code me}, not cast for each candidate.
     *   <li>Words add less than 0.33 to a score: {@code ts_rank} averages over the query's words,
     *       and one word's part is at most (1 + π²/6) / (π²/6), about 1.61, times its largest
     *       weight, 0.2. So a candidate whose tags score 0.33 or more below the {@code COUNT}-th
     *       best tag score that may be shown ({@code bar}) cannot be shown. The bar is found
     *       walking the tag candidates best first (ordered before the join: ordered after it,
     *       PostgreSQL joined them all) and stopping at the {@code COUNT}-th that may be shown;
     *       only the {@code survivors} are then read from the article table and ranked.
     *   <li>The section's newest are read only when the bar is under 0.33 (an article with no tag
     *       or only rare ones), through its index, newest first, stopping at 200.
     *   <li>The limit is written into the statement: as a parameter, PostgreSQL planned the
     *       statement again on every run.
     * </ul>
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
