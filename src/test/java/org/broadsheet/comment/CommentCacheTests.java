package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.visitor;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Comments as rendered and kept in memory forget what a transaction showed them once it rolls back. */
@BroadsheetTest
class CommentCacheTests extends SiteTest {

    @Autowired
    TransactionTemplate transaction;

    @Test
    void renameThatRollsBackLeavesTheCommentLinksAtTheArticlesAddress() {
        ArticleForm form = stories.form("Renamed, then not");
        ArticleView article = stories.publish(form);
        long id = comments.post(article.id(), comment("Ray", "Where is this?"), visitor())
                .id();
        String link = "#comment-" + id + " .comment-date a";
        transaction.executeWithoutResult(status -> {
            articles.update(article.id(), form.withSlug(Unique.slug("renamed")));
            String renamed = stories.view(article.id()).url();
            assertThat(site.page(renamed).selectFirst(link).attr("href")).isEqualTo(renamed + "#comment-" + id);
            status.setRollbackOnly();
        });
        assertThat(site.page(article.url()).selectFirst(link).attr("href")).isEqualTo(article.url() + "#comment-" + id);
    }
}
