package org.broadsheet.comment;

import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every comment test class starts from: {@link Commenting} for fresh articles and
 * forms, and a policy with nothing held and no timing or flood limits, which a test may
 * change; the policy in force before is restored after each test. Subclasses carry
 * {@code @BroadsheetTest}.
 */
abstract class CommentingTest {

    @Autowired
    protected CommentPolicies policies;

    @Autowired
    protected CommentTokens tokens;

    @Autowired
    protected ArticleService articles;

    @Autowired
    protected ArticleWorkflow workflow;

    @Autowired
    protected ArticleReader reader;

    protected Commenting commenting;
    private CommentPolicy saved;

    @BeforeEach
    void openPolicy() {
        commenting = new Commenting(articles, workflow, reader, tokens);
        saved = policies.current();
        policies.update(Commenting.open(policies.defaults()));
    }

    @AfterEach
    void restorePolicy() {
        policies.update(saved);
    }
}
