package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/** An article as stored, with its section, byline, tags and notes (oldest first).
 *
 * @param createdAt    when the article was first saved; it never changes
 * @param commentsOpen the article's own switch; comments also close a while after publication */
record ArticleRow(
        long id,
        String slug,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String bodyHtml,
        long sectionId,
        String sectionSlug,
        String sectionName,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        Instant createdAt,
        LeadImage image,
        List<String> authorSlugs,
        List<String> authorNames,
        List<String> tagSlugs,
        List<String> tagNames,
        List<String> tagKinds,
        List<NoteRow> notes,
        boolean commentsOpen) {}
