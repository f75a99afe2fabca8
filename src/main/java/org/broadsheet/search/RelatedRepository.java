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
     * Candidates are the public stories that share a tag with the article, and the newest of
     * its section; each scores, for every tag it shares, the tag kind's weight times the tag's
     * rarity ({@code ln(1 + public stories / stories with the tag)}), plus twice how closely its
     * headline and standfirst match the article's ({@code ts_rank} over the article's words,
     * any of them). A candidate that scores nothing (a section's story with no tag or word in
     * common) is not related.
     */
    private static final String RELATED =
            """
            with me as (
                select a.id, a.section_id,
                       replace(plainto_tsquery('english', a.headline || ' ' || a.standfirst)::text, '&', '|') as words
                from article a where a.id = :id),
            my_tags as (
                select at.tag_id,
                       case t.kind when 'person' then 1.5 when 'organisation' then 1.3 when 'place' then 1.2 else 1.0 end
                           as weight
                from article_tag at join tag t on t.id = at.tag_id where at.article_id = :id),
            total as (select greatest(count(*), 1)::float8 as n from article a where %1$s),
            rarity as (
                select at.tag_id, ln(1 + total.n / count(*)) as idf
                from article_tag at join my_tags mt on mt.tag_id = at.tag_id, total
                group by at.tag_id, total.n),
            by_tags as (
                select at.article_id as id, sum(mt.weight * r.idf) as score
                from article_tag at join my_tags mt on mt.tag_id = at.tag_id join rarity r on r.tag_id = at.tag_id
                group by at.article_id),
            candidates as (
                select id, score from by_tags
                union all
                (select a.id, 0::float8 from article a, me
                 where a.section_id = me.section_id and %1$s
                 order by a.published_at desc limit 200))
            select id from (
                select a.id, a.published_at,
                       c.score + 2 * case when me.words = '' then 0 else ts_rank(
                           to_tsvector('english', a.headline || ' ' || a.standfirst), me.words::tsquery) end as score
                from (select id, sum(score) as score from candidates group by id) c
                join article a on a.id = c.id, me
                where %1$s and a.id <> :id and a.id <> all(:exclude)) scored
            where score > 0
            order by score desc, published_at desc, id desc
            limit :limit
            """.formatted("a.status = 'published' and a.published_at <= statement_timestamp()");

    private final JdbcClient jdbc;

    RelatedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of up to {@code limit} stories related to article {@code id}, best first, none of {@code exclude}. */
    List<Long> related(long id, Collection<Long> exclude, int limit) {
        return jdbc.sql(RELATED)
                .param("id", id)
                .param("exclude", exclude.toArray(Long[]::new))
                .param("limit", limit)
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
