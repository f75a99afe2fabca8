package org.broadsheet.feed;

import org.broadsheet.article.ReaderChange;
import org.broadsheet.comment.CommentChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which kept feeds a change makes wrong, heard at once (so the writer's own next request is
 * fresh) and again when the writing transaction ends (so nothing read inside a transaction that
 * rolled back survives). Other nodes' changes arrive as the same events through the cluster bus.
 *
 * <ul>
 * <li>A story published, changed or taken down: every feed of stories (it may be in the site's,
 * its section's, its tags' and authors', and in those it just left), and the comment feeds that
 * name it: the site's and its own.</li>
 * <li>A comment approved, changed or hidden: the site's comment feed and its article's.</li>
 * <li>A section, tag or author created, renamed or deleted: every feed of stories (names,
 * categories and bylines); for a section, whose slug is in every permalink, every comment feed.</li>
 * <li>The comment policy: every comment feed (comments per page decide each comment's link).</li>
 * <li>The site's name is part of each written feed's key (see {@link KeptFeeds}).</li>
 * </ul>
 */
@Component
record FeedChanges(KeptFeeds kept) {

    @EventListener
    void onChange(ReaderChange change) {
        if (change instanceof ReaderChange.Story story) {
            story(story.articleId());
        } else if (change instanceof ReaderChange.Terms terms) {
            kept.forgetStories();
            if (terms.permalinks()) {
                kept.forgetComments();
            }
        } else {
            kept.forgetAll();
        }
    }

    @EventListener
    void onCommentChange(CommentChange change) {
        if (change instanceof CommentChange.Article article) {
            comments(article.articleId());
        } else {
            kept.forgetComments();
        }
    }

    private void story(long articleId) {
        kept.forgetStories();
        comments(articleId);
    }

    private void comments(long articleId) {
        kept.forget(FeedSource.COMMENTS);
        kept.forget(FeedSource.articleComments(articleId));
    }
}
