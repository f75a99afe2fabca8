package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.reply;
import static org.broadsheet.testkit.Comments.visitor;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an import may bring in that a reader may not post: comments on articles readers cannot
 * see, and replies to comments that are held, spam or in the trash, kept with their status and
 * threading, through the batch ({@link CommentImports}) and the one-by-one path
 * ({@link CommentService#importComment}); and what a reader then sees of such a thread. Each test
 * rolls back.
 */
@BroadsheetTest
@Transactional
class CommentImportRulesTests extends SiteTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    @Autowired
    CommentImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommentThreads threads;

    @Autowired
    org.broadsheet.web.SiteUrls urls;

    /** Imports one comment through one of the two paths; returns its id. */
    interface Path {
        long add(long articleId, CommentForm form, CommentStatus status);
    }

    private Path oneByOne() {
        return (article, form, status) -> comments.importComment(article, form, status, false, AT, visitor())
                .id();
    }

    /** A batch path on {@code articleIds}: each comment added, then the batch written at once by {@link #write}. */
    private CommentImports.Batch batch(Long... articleIds) {
        return imports.batch(List.of(articleIds));
    }

    private static Path adding(CommentImports.Batch batch) {
        return (article, form, status) -> batch.add(article, form, status, false, AT, visitor());
    }

    private String row(long id) {
        return jdbc.sql(
                        "select status || '/' || depth || '/' || coalesce(parent_id::text, '-') from comment where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long draft(String headline) {
        return stories.draft(stories.form(headline));
    }

    private long unpublished(String headline) {
        long id = stories.publish(stories.form(headline)).id();
        workflow.unpublish(id);
        return id;
    }

    @Test
    void commentsOnArticlesReadersCannotSeeAreKeptOneByOne() {
        long draft = draft("A draft with comments");
        long gone = unpublished("Taken down, comments kept");
        long held = oneByOne().add(draft, comment("Ana", "On a draft."), CommentStatus.PENDING);
        long shown = oneByOne().add(gone, comment("Bo", "On a private post."), CommentStatus.APPROVED);

        assertThat(row(held)).isEqualTo("pending/1/-");
        assertThat(row(shown)).isEqualTo("approved/1/-");
        assertThatThrownBy(() -> oneByOne().add(Long.MAX_VALUE, comment("Cy", "Nowhere."), CommentStatus.APPROVED))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void commentsOnArticlesReadersCannotSeeAreKeptInABatch() {
        long draft = draft("A draft with comments, batched");
        long gone = unpublished("Taken down, batched");
        CommentImports.Batch batch = batch(draft, gone);
        long held = adding(batch).add(draft, comment("Ana", "On a draft."), CommentStatus.SPAM);
        long shown = adding(batch).add(gone, comment("Bo", "On a private post."), CommentStatus.APPROVED);
        assertThatThrownBy(() -> adding(batch).add(Long.MAX_VALUE, comment("Cy", "Nowhere."), CommentStatus.APPROVED))
                .isInstanceOf(NotFoundException.class);

        assertThat(batch.write()).isEqualTo(2);
        assertThat(row(held)).isEqualTo("spam/1/-");
        assertThat(row(shown)).isEqualTo("approved/1/-");
    }

    @Test
    void repliesToHeldSpamAndTrashedCommentsStayTheirRepliesOneByOne() {
        repliesStayReplies(oneByOne(), () -> {});
    }

    @Test
    void repliesToHeldSpamAndTrashedCommentsStayTheirRepliesInABatch() {
        ArticleView article = commenting.article("Batched thread");
        CommentImports.Batch batch = batch(article.id());
        repliesStayReplies(article, adding(batch), batch::write);
    }

    private void repliesStayReplies(Path path, Runnable write) {
        repliesStayReplies(commenting.article("Thread kept whole"), path, write);
    }

    private void repliesStayReplies(ArticleView article, Path path, Runnable write) {
        long a = article.id();
        long root = path.add(a, comment("Ana", "Root"), CommentStatus.APPROVED);
        long held = path.add(a, reply("Bo", "Held reply", root), CommentStatus.PENDING);
        long underHeld = path.add(a, reply("Cy", "Approved under held", held), CommentStatus.APPROVED);
        long spam = path.add(a, comment("Dee", "Spam root"), CommentStatus.SPAM);
        long underSpam = path.add(a, reply("Ed", "Held under spam", spam), CommentStatus.PENDING);
        long trash = path.add(a, reply("Fay", "Trashed", root), CommentStatus.TRASH);
        long underTrash = path.add(a, reply("Gus", "Spam under trash", trash), CommentStatus.SPAM);
        write.run();

        assertThat(List.of(held, underHeld, underSpam, underTrash))
                .extracting(this::row)
                .containsExactly("pending/2/" + root, "approved/3/" + held, "pending/2/" + spam, "spam/3/" + trash);
    }

    @Test
    void aReplyToACommentOfAnotherArticleIsStillRefusedOnBothPaths() {
        ArticleView one = commenting.article("One");
        ArticleView other = commenting.article("Other");
        long elsewhere = oneByOne().add(other.id(), comment("Ana", "Elsewhere"), CommentStatus.PENDING);

        assertThatThrownBy(() -> oneByOne().add(one.id(), reply("Bo", "Lost", elsewhere), CommentStatus.APPROVED))
                .isInstanceOf(ValidationException.class);
        CommentImports.Batch batch = batch(one.id());
        assertThatThrownBy(() -> adding(batch).add(one.id(), reply("Bo", "Lost", elsewhere), CommentStatus.APPROVED))
                .isInstanceOf(ValidationException.class);
        assertThat(batch.write()).isZero();
    }

    @Test
    void readersStillCannotReplyToAHeldComment() {
        ArticleView article = commenting.article("Readers reply to what they see");
        long held = oneByOne().add(article.id(), comment("Ana", "Held"), CommentStatus.PENDING);

        assertThatThrownBy(() -> comments.post(article.id(), reply("Bo", "Sneaky", held), visitor()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anApprovedReplyUnderAHiddenCommentIsShownUnderItsNearestApprovedAncestor() {
        ArticleView article = commenting.article("Threads with holes");
        long a = article.id();
        LongFunction<String> text = id -> "comment-" + id;
        Path path = oneByOne();
        long root = path.add(a, comment("Ana", "The root, approved"), CommentStatus.APPROVED);
        long spam = path.add(a, reply("Bo", "Spam in the middle", root), CommentStatus.SPAM);
        long underSpam = path.add(a, reply("Cy", "Approved under spam", spam), CommentStatus.APPROVED);
        long deeper = path.add(a, reply("Dee", "Approved under that", underSpam), CommentStatus.APPROVED);
        long heldRoot = path.add(a, comment("Ed", "A held root"), CommentStatus.PENDING);
        long orphan = path.add(a, reply("Fay", "Approved under a held root", heldRoot), CommentStatus.APPROVED);
        long lonelySpam = path.add(a, reply("Gil", "Spam with no approved reply", root), CommentStatus.SPAM);
        long heldUnderSpam = path.add(a, reply("Hal", "Held under the spam", lonelySpam), CommentStatus.PENDING);
        long twoDown =
                path.add(a, reply("Ida", "Approved two hidden levels down", heldUnderSpam), CommentStatus.APPROVED);

        Document page = site.page(article.url());

        assertThat(page.select("ol.comment-list > li").eachAttr("id"))
                .containsExactly(text.apply(root), text.apply(orphan));
        assertThat(page.select("#comment-" + root + " > ol.comment-replies > li")
                        .eachAttr("id"))
                .containsExactly(text.apply(underSpam), text.apply(twoDown));
        assertThat(page.select("#comment-" + underSpam + " > ol.comment-replies > li")
                        .eachAttr("id"))
                .containsExactly(text.apply(deeper));
        assertThat(page.selectFirst("#comments-heading").text()).isEqualTo("5 Comments");
        assertThat(page.text())
                .contains("Approved under spam", "Approved under a held root", "Approved two hidden levels down")
                .doesNotContain(
                        "Spam in the middle", "A held root", "Spam with no approved reply", "Held under the spam");
        assertThat(row(underSpam)).as("stored as it was, a reply to the spam").isEqualTo("approved/3/" + spam);
    }

    @Test
    void aCommentLinkNamesThePageThatShowsItWhenAThreadStartsUnderAHiddenComment() {
        policies.update(org.broadsheet.testkit.Comments.withPaging(policies.current(), 3, 1));
        ArticleView article = commenting.article("One thread a page");
        long a = article.id();
        Path path = oneByOne();
        long first = path.add(a, comment("Ana", "First thread"), CommentStatus.APPROVED);
        long hidden = path.add(a, comment("Bo", "A held root"), CommentStatus.PENDING);
        long orphan = path.add(a, reply("Cy", "Second thread, under the held root", hidden), CommentStatus.APPROVED);
        path.add(a, reply("Dee", "In the first thread", first), CommentStatus.APPROVED);
        long spam = path.add(a, reply("Fi", "Spam in the first thread", first), CommentStatus.SPAM);
        long underSpam = path.add(a, reply("Gus", "Still the first thread", spam), CommentStatus.APPROVED);
        long last = path.add(a, comment("Ed", "Third thread"), CommentStatus.APPROVED);

        assertThat(List.of(first, orphan, underSpam, last))
                .extracting(id -> threads.pageOf(a, id, policies.current()))
                .containsExactly(1, 2, 1, 3);
        for (long id : List.of(orphan, underSpam, last)) {
            int page = threads.pageOf(a, id, policies.current());
            String url = urls.comment(article.url(), page, id);
            assertThat(site.page(url.substring(0, url.indexOf('#'))).getElementById("comment-" + id))
                    .as("comment %d on page %d", id, page)
                    .isNotNull();
        }
    }
}
