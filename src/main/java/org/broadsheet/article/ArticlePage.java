package org.broadsheet.article;

import java.util.List;

import org.broadsheet.web.Layout;

/** The view of the article page. */
public record ArticlePage(Layout layout, ArticleView article, List<Teaser> moreFromSection) {
}
