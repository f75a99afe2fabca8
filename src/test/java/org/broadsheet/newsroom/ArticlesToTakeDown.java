package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;

/**
 * The articles a test wrote, taken off the site again afterwards, so that reader-page tests
 * sharing the database see the front page and lists they expect. Safe to add to from several
 * threads.
 */
final class ArticlesToTakeDown {

    private final ArticleWorkflow workflow;
    private final List<Long> ids = Collections.synchronizedList(new ArrayList<>());

    ArticlesToTakeDown(ArticleWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Remembers {@code id}; returns it. */
    long add(long id) {
        ids.add(id);
        return id;
    }

    /** Unpublishes every one still published or scheduled, and forgets them all. */
    void takeDown() {
        for (long id : List.copyOf(ids)) {
            ArticleStatus status = workflow.status(id).orElseThrow();
            if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) {
                workflow.unpublish(id);
            }
        }
        ids.clear();
    }
}
