package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.article.ArticleSummary;

/**
 * The dashboard: what needs doing. Lists a person may not act on are empty (a contributor's
 * "in review" holds only their own submissions).
 *
 * @param canPublish whether the scheduled and published lists are for this person to act on
 */
public record DashboardView(
        List<ArticleSummary> drafts,
        List<ArticleSummary> inReview,
        List<ArticleSummary> scheduled,
        List<ArticleSummary> published,
        boolean canPublish) {}
