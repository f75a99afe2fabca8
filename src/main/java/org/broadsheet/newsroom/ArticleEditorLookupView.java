package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.article.ArticleSummary;

/** The story-reference picker's page: what was searched for (stripped) and what was found. */
public record ArticleEditorLookupView(String query, List<ArticleSummary> results) {}
