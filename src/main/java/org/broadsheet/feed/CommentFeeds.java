package org.broadsheet.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.ApprovedComment;
import org.broadsheet.comment.ApprovedComments;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the feeds of comments say: the site's newest approved comments, or one public article's,
 * read afresh (the caller keeps the result). Each entry is the comment's sanitised HTML under
 * "Comment on {headline} by {name}", its writer's name and the website they gave; nothing
 * private about them is ever read.
 */
@Component
record CommentFeeds(ApprovedComments comments, SiteUrls urls, FeedSettings settings) {

    /** The site's newest approved comments. */
    FeedContent site() {
        List<FeedEntry> entries = comments.newest(settings.items()).stream()
                .map(CommentFeeds::entry)
                .toList();
        return new FeedContent(
                "Comments",
                "The newest comments from readers.",
                urls.home(),
                Map.of(
                        FeedFormat.RSS,
                        urls.commentsFeed(FeedFormat.RSS),
                        FeedFormat.ATOM,
                        urls.commentsFeed(FeedFormat.ATOM)),
                FeedContent.latest(entries, Instant.EPOCH),
                entries);
    }

    /** The newest approved comments of {@code article}, a public article. */
    FeedContent of(ArticleView article) {
        List<FeedEntry> entries = comments.newestOn(article.id(), settings.items()).stream()
                .map(CommentFeeds::entry)
                .toList();
        return new FeedContent(
                "Comments on " + article.headline(),
                "Readers’ comments on “" + article.headline() + "”.",
                article.url(),
                Map.of(
                        FeedFormat.RSS,
                        urls.commentsFeed(article.url(), FeedFormat.RSS),
                        FeedFormat.ATOM,
                        urls.commentsFeed(article.url(), FeedFormat.ATOM)),
                FeedContent.latest(entries, article.published().at().toInstant()),
                entries);
    }

    private static FeedEntry entry(ApprovedComment comment) {
        return new FeedEntry(
                new EntryId("comment", comment.id(), comment.created()),
                comment.url(),
                "Comment on " + comment.articleHeadline() + " by " + comment.name(),
                null,
                comment.html().html(),
                comment.created(),
                comment.created(),
                List.of(new FeedEntry.Person(comment.name(), website(comment.website()))),
                List.of(),
                null);
    }

    /** Only a web address is a link; anything else a commenter typed is left out. */
    private static @Nullable String website(@Nullable String website) {
        return website != null && (website.startsWith("https://") || website.startsWith("http://")) ? website : null;
    }
}
