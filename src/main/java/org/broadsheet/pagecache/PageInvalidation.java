package org.broadsheet.pagecache;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.ReaderChange;
import org.broadsheet.article.StoryLists;
import org.broadsheet.comment.CommentChange;
import org.broadsheet.site.SiteIdentityChanged;
import org.broadsheet.web.PageTags;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops the kept pages a change affects. Changes come as the events every data cache listens
 * to, on the node that made them (at once and again when the transaction ends) and on every
 * other node when the event bus brings them; a reconnected bus ({@link ReaderChange.Missed})
 * drops everything.
 *
 * <ul>
 *   <li>a story published, edited or taken down: its page, the pages showing it (lists, story
 *       references, related lists, "More from"), the lists it is on (its section's, tags' and
 *       authors' pages, and the lists of pages that showed it), the pages whose related lists
 *       it could join, the front page, the archive, feeds, sitemaps and search results;</li>
 *   <li>an article's comments: its page (every page of comments), its comment feed and the
 *       site's comment feed;</li>
 *   <li>site name or tagline, navigation, sections, tags or authors, the comment policy, an
 *       import: everything.</li>
 * </ul>
 */
@Component
record PageInvalidation(PageCache cache, StoryLists storyLists) {

    /** The name given to pages that said nothing about what they show: dropped with any story. */
    static final String UNTAGGED = "untagged";

    @EventListener
    void onReaderChange(ReaderChange change) {
        if (change instanceof ReaderChange.Story story) {
            storyChanged(story.articleId());
        } else {
            cache.clear();
        }
    }

    private void storyChanged(long id) {
        List<String> tags = new ArrayList<>(List.of(
                PageTags.story(id),
                PageTags.FRONT,
                PageTags.ARCHIVE,
                PageTags.FEEDS,
                PageTags.COMMENT_FEEDS, // they name the stories' headlines
                PageTags.SITEMAPS,
                PageTags.SEARCH,
                UNTAGGED));
        List<String> lists = storyLists.of(id);
        lists.forEach(url -> tags.add(PageTags.list(url)));
        if (!lists.isEmpty()) {
            tags.add(PageTags.newestInSection(lists.get(0))); // the first is the section's
        }
        cache.drop(tags, id);
    }

    @EventListener
    void onCommentChange(CommentChange change) {
        if (change instanceof CommentChange.Article article) {
            cache.drop(List.of(PageTags.comments(article.articleId()), PageTags.COMMENT_FEEDS), 0);
        } else {
            cache.clear();
        }
    }

    @EventListener
    void onSiteIdentity(SiteIdentityChanged change) {
        cache.clear();
    }

    /** Again once the writing transaction ended: a page rendered before the commit showed the old name. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void afterSiteIdentity(SiteIdentityChanged change) {
        cache.clear();
    }
}
