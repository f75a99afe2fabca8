package org.broadsheet.article;

import static org.broadsheet.article.ArticleColumns.image;
import static org.broadsheet.article.ArticleColumns.instant;
import static org.broadsheet.article.ArticleColumns.notes;
import static org.broadsheet.article.ArticleColumns.strings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

    /** An article readers may see: published, and its time has come. */
    private static final String VISIBLE = "a.status = 'published' and a.published_at <= statement_timestamp()";

    /** Where {@link ArticleColumns#ARTICLE} reads from: the article {@code a}, its section, its parts. */
    private static final String FROM_ARTICLE =
            " from article a join section s on s.id = a.section_id" + ArticleColumns.PARTS;

    /** Readers never need the Markdown source: leave it on the server. */
    private static final String READER_ARTICLE_COLUMNS =
            ArticleColumns.ARTICLE.replace("a.body_markdown,", "'' as body_markdown,");

    private static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, s.slug as section_slug, s.name as section_name,
            a.published_at, a.image_path, a.image_alt, a.image_caption, a.image_credit, a.image_width, a.image_height,
            a.image_media_id
            """;

    private static final RowMapper<ArticleRow> ARTICLE = (rs, n) -> new ArticleRow(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("headline"),
            rs.getString("standfirst"),
            rs.getString("body_markdown"),
            rs.getString("body_html"),
            rs.getLong("section_id"),
            rs.getString("section_slug"),
            rs.getString("section_name"),
            ArticleStatus.fromDb(rs.getString("status")),
            instant(rs, "published_at"),
            instant(rs, "updated_at"),
            instant(rs, "created_at"),
            image(rs),
            strings(rs.getArray("author_slugs")),
            strings(rs.getArray("author_names")),
            strings(rs.getArray("tag_slugs")),
            strings(rs.getArray("tag_names")),
            strings(rs.getArray("tag_kinds")),
            notes(rs),
            rs.getBoolean("comments_open"));

    private static final RowMapper<SummaryRow> SUMMARY = (rs, n) -> new SummaryRow(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("headline"),
            rs.getString("standfirst"),
            rs.getString("section_slug"),
            rs.getString("section_name"),
            instant(rs, "published_at"),
            image(rs));

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reads for readers

    /** The public article that has, or once had, this slug. */
    Optional<ArticleRow> findVisibleBySlug(String slug) {
        return jdbc.sql("select " + READER_ARTICLE_COLUMNS + """
                        from article_slug h
                        join article a on a.id = h.article_id
                        join section s on s.id = a.section_id
                        """ + ArticleColumns.PARTS + " where h.slug = ? and "
                        + VISIBLE)
                .param(slug)
                .query(ARTICLE)
                .optional();
    }

    /** The current slug of the public article with this id. */
    Optional<String> findVisibleSlug(long id) {
        return jdbc.sql("select a.slug from article a where a.id = ? and " + VISIBLE)
                .param(id)
                .query(String.class)
                .optional();
    }

    /**
     * The ids go in through a sub-select so that no plan sees how many there are: a plan made for
     * the very ids was always cheaper than the general one, so PostgreSQL planned the query again
     * on every execution (0.25 ms, five times its execution).
     */
    List<SummaryRow> findVisibleByIds(Collection<Long> ids) {
        return jdbc.sql("select " + SUMMARY_COLUMNS
                        + " from article a join section s on s.id = a.section_id"
                        + " where a.id = any((select ?::bigint[])::bigint[]) and " + VISIBLE)
                .param(ids.toArray(Long[]::new))
                .query(SUMMARY)
                .list();
    }

    /** The public articles of {@code ids} in full (in no particular order), for feeds. */
    List<ArticleRow> findVisibleInFull(Collection<Long> ids) {
        return jdbc.sql("select " + READER_ARTICLE_COLUMNS + FROM_ARTICLE + " where a.id = any(?) and " + VISIBLE)
                .param(ids.toArray(Long[]::new))
                .query(ARTICLE)
                .list();
    }

    /** As {@link #findVisibleInFull}, without the bodies. */
    List<ArticleRow> findVisibleInBrief(Collection<Long> ids) {
        return jdbc.sql("select " + READER_ARTICLE_COLUMNS.replace("a.body_html,", "'' as body_html,") + FROM_ARTICLE
                        + " where a.id = any(?) and " + VISIBLE)
                .param(ids.toArray(Long[]::new))
                .query(ARTICLE)
                .list();
    }

    /** Newest first; {@code excludeIds} are left out (the article being read, stories already shown). */
    List<SummaryRow> findLatest(Long sectionId, Collection<Long> excludeIds, int limit, long offset) {
        String sectionFilter = sectionId == null ? "" : " and a.section_id = :section";
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from article a join section s on s.id = a.section_id where "
                        + VISIBLE + sectionFilter + " and a.id <> all(:exclude)"
                        + " order by a.published_at desc, a.id desc" + limit(limit, offset))
                .param("section", sectionId)
                .param("exclude", excludeIds.toArray(Long[]::new))
                .query(SUMMARY)
                .list();
    }

    List<SummaryRow> findLatestByTag(long tagId, int limit, long offset) {
        return findLatestLinked("article_tag", "tag_id", tagId, limit, offset);
    }

    List<SummaryRow> findLatestByAuthor(long authorId, int limit, long offset) {
        return findLatestLinked("article_author", "author_id", authorId, limit, offset);
    }

    /** Newest first, the public articles that {@code table} links to {@code column = id} (a tag, an author). */
    private List<SummaryRow> findLatestLinked(String table, String column, long id, int limit, long offset) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from " + table + " l join article a on a.id = l.article_id"
                        + " join section s on s.id = a.section_id where l." + column + " = ? and " + VISIBLE
                        + " order by a.published_at desc, a.id desc" + limit(limit, offset))
                .params(id)
                .query(SUMMARY)
                .list();
    }

    /**
     * {@code limit} and {@code offset} written into the statement as numbers, not parameters:
     * with a parameter there, PostgreSQL's generic plan assumes a tenth of the rows and never
     * wins, so every execution was planned again (about 0.2 ms of planning, more than the
     * query's own execution, for "More from" on every article page). Numbers only: nothing a
     * reader sends reaches the statement as text.
     */
    private static String limit(int limit, long offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset);
        }
        return " limit " + limit + (offset == 0 ? "" : " offset " + offset);
    }

    /** The newest {@code perSection} public stories of every section, sections in navigation order. */
    List<SummaryRow> findLatestPerSection(Collection<Long> excludeIds, int perSection) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                         from section s
                         cross join lateral (
                             select * from article x
                              where x.section_id = s.id and x.status = 'published' and x.published_at <= statement_timestamp()
                                and x.id <> all(:exclude)
                              order by x.published_at desc, x.id desc
                              limit :limit) a
                         order by s.position, s.name, a.published_at desc, a.id desc""")
                .param("exclude", excludeIds.toArray(Long[]::new))
                .param("limit", perSection)
                .query(SUMMARY)
                .list();
    }

    // ---- reads for writers

    Optional<ArticleRow> findById(long id) {
        return jdbc.sql("select " + ArticleColumns.ARTICLE + FROM_ARTICLE + " where a.id = ?")
                .param(id)
                .query(ARTICLE)
                .optional();
    }

    /** The id of the article that has, or once had, this slug. */
    Optional<Long> findIdBySlug(String slug) {
        return jdbc.sql("select article_id from article_slug where slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    boolean exists(long id) {
        return jdbc.sql("select exists (select 1 from article where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    boolean isVisible(long id) {
        return jdbc.sql("select exists (select 1 from article a where a.id = ? and " + VISIBLE + ")")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    long count() {
        return jdbc.sql("select count(*) from article").query(Long.class).single();
    }

    // ---- writes

    long insert(ArticleForm form, String slug, String bodyHtml, long sectionId, Instant now) {
        long id = jdbc.sql("""
                        insert into article (slug, headline, standfirst, body_markdown, body_html, section_id, status,
                                             created_at, updated_at, image_path, image_alt, image_caption,
                                             image_credit, image_width, image_height, image_media_id)
                        values (:slug, :headline, :standfirst, :body, :html, :section, 'draft', :now, :now,
                                :imagePath, :imageAlt, :imageCaption, :imageCredit, :imageWidth, :imageHeight,
                                :imageMediaId)
                        returning id""")
                .params(fields(form, slug, bodyHtml, sectionId, now))
                .query(Long.class)
                .single();
        jdbc.sql("insert into article_slug (slug, article_id) values (?, ?)")
                .params(slug, id)
                .update();
        return id;
    }

    void update(long id, ArticleForm form, String slug, String bodyHtml, long sectionId, Instant now) {
        var params = fields(form, slug, bodyHtml, sectionId, now);
        params.put("id", id);
        jdbc.sql("""
                        update article set slug = :slug, headline = :headline, standfirst = :standfirst,
                               body_markdown = :body, body_html = :html, section_id = :section, updated_at = :now,
                               image_path = :imagePath, image_alt = :imageAlt, image_caption = :imageCaption,
                               image_credit = :imageCredit, image_width = :imageWidth, image_height = :imageHeight,
                               image_media_id = :imageMediaId
                         where id = :id""").params(params).update();
        jdbc.sql("insert into article_slug (slug, article_id) values (?, ?) on conflict (slug) do nothing")
                .params(slug, id)
                .update();
    }

    private static java.util.Map<String, Object> fields(
            ArticleForm form, String slug, String bodyHtml, long sectionId, Instant now) {
        LeadImage image = form.image();
        var params = new java.util.HashMap<String, Object>();
        params.put("slug", slug);
        params.put("headline", form.headline().strip());
        params.put(
                "standfirst", form.standfirst() == null ? "" : form.standfirst().strip());
        params.put("body", form.body() == null ? "" : form.body());
        params.put("html", bodyHtml);
        params.put("section", sectionId);
        params.put("now", Timestamp.from(now));
        params.put("imagePath", image == null ? null : image.path());
        params.put("imageAlt", image == null ? null : image.alt());
        params.put("imageCaption", image == null ? null : image.caption());
        params.put("imageCredit", image == null ? null : image.credit());
        params.put("imageWidth", image == null ? null : image.width());
        params.put("imageHeight", image == null ? null : image.height());
        params.put("imageMediaId", image == null ? null : image.mediaId());
        return params;
    }

    void setStatus(long id, ArticleStatus status, Instant publishedAt) {
        jdbc.sql("update article set status = ?, published_at = coalesce(?, published_at) where id = ?")
                .params(status.db(), publishedAt == null ? null : Timestamp.from(publishedAt), id)
                .update();
    }

    void updateBody(long id, String bodyHtml) {
        set(id, "body_html = ?", bodyHtml);
    }

    void setCommentsOpen(long id, boolean open) {
        set(id, "comments_open = ?", open);
    }

    void setUpdatedAt(long id, Instant updatedAt) {
        set(id, "updated_at = ?", Timestamp.from(updatedAt));
    }

    /** One column of article {@code id}; {@code assignment} is this class's own SQL, never input. */
    private void set(long id, String assignment, Object value) {
        jdbc.sql("update article set " + assignment + " where id = ?")
                .params(value, id)
                .update();
    }

    /** The earliest time a scheduled article is due (the partial index on scheduled rows answers it). */
    Optional<Instant> nextScheduled() {
        return jdbc.sql("select min(published_at) from article where status = 'scheduled'")
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Publishes up to {@code limit} scheduled articles whose time has come; returns their ids.
     * Rows that another transaction (another node) is publishing are skipped, so each
     * article is published by exactly one caller and nobody waits.
     */
    List<Long> publishDue(Instant now, int limit) {
        return jdbc.sql("""
                        with due as (select id from article
                                      where status = 'scheduled' and published_at <= ?
                                      order by published_at, id
                                      limit ?
                                      for update skip locked)
                        update article a set status = 'published'
                          from due
                         where a.id = due.id and a.status = 'scheduled'
                        returning a.id""")
                .params(Timestamp.from(now), limit)
                .query(Long.class)
                .list();
    }

    void replaceAuthors(long id, List<Long> authorIds) {
        jdbc.sql("delete from article_author where article_id = ?").param(id).update();
        for (int i = 0; i < authorIds.size(); i++) {
            jdbc.sql("insert into article_author (article_id, author_id, position) values (?, ?, ?)")
                    .params(id, authorIds.get(i), i)
                    .update();
        }
    }

    /**
     * Makes these the article's tags, in this order, in two statements, and none when they
     * already are: each statement that changes an article's tags makes its search vector again
     * (the triggers of V12).
     */
    void replaceTags(long id, List<Long> tagIds) {
        List<Long> current = jdbc.sql("select tag_id from article_tag where article_id = ? order by position")
                .param(id)
                .query(Long.class)
                .list();
        if (current.equals(tagIds)) {
            return;
        }
        jdbc.sql("delete from article_tag where article_id = ?").param(id).update();
        jdbc.sql("""
                        insert into article_tag (article_id, tag_id, position)
                        select ?, t.tag_id, t.n - 1 from unnest(?::bigint[]) with ordinality t (tag_id, n)""").params(id, tagIds.toArray(Long[]::new)).update();
    }

    void replaceReferences(long id, List<RenderedBody.ResolvedReference> references) {
        jdbc.sql("delete from article_reference where article_id = ?").param(id).update();
        for (var ref : references) {
            jdbc.sql(
                            "insert into article_reference (article_id, target_id, kind) values (?, ?, ?) on conflict do nothing")
                    .params(id, ref.targetId(), ref.kind().token)
                    .update();
        }
    }

    /** As {@link #insertNote}, unless the article already has that note; returns whether it was added. */
    boolean insertNoteOnce(long id, NoteKind kind, Instant at, String text) {
        return jdbc.sql("""
                        insert into article_note (article_id, kind, noted_at, body) select ?, ?, ?, ?
                         where not exists (select 1 from article_note where article_id = ? and kind = ? and noted_at = ?
                                              and body = ?)""")
                        .params(
                                id,
                                kind.db(),
                                Timestamp.from(at),
                                text.strip(),
                                id,
                                kind.db(),
                                Timestamp.from(at),
                                text.strip())
                        .update()
                > 0;
    }

    void insertNote(long id, NoteKind kind, Instant at, String text) {
        jdbc.sql("insert into article_note (article_id, kind, noted_at, body) values (?, ?, ?, ?)")
                .params(id, kind.db(), Timestamp.from(at), text.strip())
                .update();
    }
}
