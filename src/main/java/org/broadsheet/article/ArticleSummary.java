package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.DisplayDate;

/**
 * One article in a newsroom list (the article list, the dashboard, the story-reference picker).
 *
 * @param createdBy     the owner's staff id, or null for imported articles
 * @param createdByName the owner's name, or null
 * @param published     when it was or will be published, or null for one never scheduled
 * @param publicUrl     its permalink while readers can see it, else null
 */
public record ArticleSummary(
        long id,
        String slug,
        String headline,
        ArticleStatus status,
        String sectionName,
        List<String> authorNames,
        Long createdBy,
        String createdByName,
        DisplayDate published,
        DisplayDate updated,
        int version,
        String publicUrl) {}
