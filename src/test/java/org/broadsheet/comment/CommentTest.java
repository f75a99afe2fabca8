package org.broadsheet.comment;

import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What comment tests start from, besides {@link SiteTest}: the comments fixture (articles to
 * comment on, unique commenters, the form as a browser posts it), the comment service and the
 * policy in force.
 */
abstract class CommentTest extends SiteTest {

    @Autowired
    protected Comments commenting;

    @Autowired
    protected CommentService comments;

    @Autowired
    protected CommentPolicies policies;
}
