package org.broadsheet.search;

import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
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
     *       walking the tag candidates best first and stopping at the {@code COUNT}-th that may
     *       be shown ({@link #BAR}); only the {@code survivors} are then read from the article
     *       table and ranked.
     *   <li>A broad tag (on more than {@code BROAD_TAG} stories: a running story's topic, say) is
     *       not read through when it cannot matter. The candidates of the other tags ({@code
     *       narrow}) are scored in full, a look-up telling which of them have the broad tags too;
     *       a story that has only broad tags scores at most their parts together, so when the
     *       narrow bar is that much plus 0.33 or more ({@code pruned}), no such story can be
     *       shown, and the lists are the same as from reading every tag ({@code everyone}, the
     *       statement otherwise).
     *   <li>A tag's stories are counted each through its index ({@code counted}), not by grouping
     *       a join of them all.
     *   <li>The section's newest are read only when the bar is under 0.33 (an article with no tag
     *       or only rare ones), through its index, newest first, stopping at 200.
     *   <li>The limit is written into the statement: as a parameter, PostgreSQL planned the
     *       statement again on every run.
     * </ul>
     */
    private static final String RELATED = """
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
            counted as (
                select mt.tag_id, mt.weight, (select count(*) from article_tag x where x.tag_id = mt.tag_id) as n from my_tags mt),
            rarity as (
                select c.tag_id, c.weight * ln(1 + total.n / c.n) as part, c.n > %3$d as broad from counted c, total),
            broad as (select coalesce(sum(part), 0) as part, count(*) > 0 as present from rarity where broad),
            narrow as (
                select at.article_id as id,
                       sum(r.part) + case when (select present from broad) then coalesce((
                           select sum(b.part) from rarity b join article_tag x on x.tag_id = b.tag_id
                           where b.broad and x.article_id = at.article_id), 0) else 0 end as score
                from article_tag at join rarity r on r.tag_id = at.tag_id and not r.broad
                group by at.article_id
                order by score desc, id desc limit 300),
            narrow_bar as (select %4$s as tag_score),
            pruned as (select not (select present from broad) or (select tag_score from narrow_bar) >= (select part from broad) + 0.33 as yes),
            everyone as (
                select at.article_id as id, sum(r.part) as score
                from article_tag at join rarity r on r.tag_id = at.tag_id
                where not (select yes from pruned)
                group by at.article_id
                order by score desc, id desc limit 300),
            by_tags as (
                select * from narrow where (select yes from pruned)
                union all
                select * from everyone),
            bar as (select case when (select yes from pruned) then (select tag_score from narrow_bar) else %5$s end as tag_score),
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
            """;

    /**
     * The {@code COUNT}-th best tag score that may be shown among the candidates of a part of
     * {@link #RELATED} (named by the first argument), 0 when fewer may be shown: walking them best
     * first, ordered before the join (ordered after it, PostgreSQL joined them all).
     */
    private static final String BAR = """
            coalesce((
                    select c.score from (select * from %1$s order by score desc, id desc) c join article a on a.id = c.id
                    where %2$s and a.id <> :id and a.id <> all(:exclude)
                    order by c.score desc, c.id desc offset %3$d - 1 limit 1), 0)""";

    private static final String ELIGIBLE = "a.status = 'published' and a.published_at <= statement_timestamp()";

    /** Past this many stories, a tag is broad ({@link #RELATED}: "broad"). */
    static final int BROAD_TAG = 1_000;

    private final JdbcClient jdbc;
    private final String related;

    @Autowired
    RelatedRepository(JdbcClient jdbc) {
        this(jdbc, BROAD_TAG);
    }

    /** With tags broad past {@code broadTag} stories (tests try the pruning on a few stories). */
    RelatedRepository(JdbcClient jdbc, int broadTag) {
        this.jdbc = jdbc;
        int count = RelatedStories.COUNT;
        this.related = RELATED.formatted(
                ELIGIBLE,
                count,
                broadTag,
                BAR.formatted("narrow", ELIGIBLE, count),
                BAR.formatted("everyone", ELIGIBLE, count));
    }

    /**
     * The ids of up to {@link RelatedStories#COUNT} stories related to article {@code id}, best
     * first, none of {@code exclude}.
     */
    List<Long> related(long id, Collection<Long> exclude) {
        return jdbc.sql(related)
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
