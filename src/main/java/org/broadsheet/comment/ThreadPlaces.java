package org.broadsheet.comment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where a comment stands among the threads readers see (the page a link to it names). */
@Repository
class ThreadPlaces {

    private final JdbcClient jdbc;

    ThreadPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many threads readers see before {@code commentId}'s: approved comments with no approved
     * ancestor (as {@code CommentThreads} shows them): the approved comments before it, less those
     * that reach an approved ancestor through hidden ones. Asked after every comment posted, so its
     * plan must not depend on how many comments an article holds back:
     *
     * <ul>
     *   <li>the approved comments are read from their own index, ids only;
     *   <li>every other step reads one comment by its key ({@code lateral … limit 1}, which
     *       PostgreSQL cannot turn into a join of whole tables);
     *   <li>those that reach an approved ancestor are counted, not joined back (a join was planned
     *       as a hash table sized for the rows estimated).
     * </ul>
     *
     * <p>On an article with 84,000 held comments and 7 approved ones, PostgreSQL's estimates for
     * that article made the earlier joins read every reply on the site: 1.1 s a comment posted
     * against 2 ms now ({@code docs/performance.md}, session 32 of issue 12).
     */
    int countRootsBefore(long articleId, long commentId) {
        return jdbc.sql("""
                        with recursive up as (
                            select id, parent_id, status from comment where id = :id
                            union all
                            select p.id, p.parent_id, p.status from up
                              cross join lateral (select id, parent_id, status from comment where id = up.parent_id limit 1) p),
                        shown as (
                            select c.id from comment c
                             where c.article_id = :article and c.status = 'approved'
                               and c.id < (select min(id) from up where status = 'approved' or id = :id)),
                        climb as (
                            select s.id as start, p.parent_id as at from shown s
                              cross join lateral (select parent_id from comment where id = s.id limit 1) p
                            union all
                            select climb.start, p.parent_id from climb
                              cross join lateral (select parent_id, status from comment where id = climb.at limit 1) p
                             where p.status <> 'approved')
                        select (select count(*) from shown)
                             - (select count(distinct climb.start) from climb
                                  cross join lateral (select status from comment where id = climb.at limit 1) p
                                 where p.status = 'approved')""")
                .param("id", commentId)
                .param("article", articleId)
                .query(Integer.class)
                .single();
    }
}
