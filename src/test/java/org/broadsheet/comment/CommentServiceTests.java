package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadsheet.testkit.Comments.comment;
import static org.broadsheet.testkit.Comments.policy;
import static org.broadsheet.testkit.Comments.reply;
import static org.broadsheet.testkit.Comments.visitor;
import static org.broadsheet.testkit.Comments.withLists;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The comment service as readers and moderators use it; each test rolls back, policy changes included. */
@BroadsheetTest
@Transactional
class CommentServiceTests extends SiteTest {

    @Autowired
    CommentThreads threads;

    @Autowired
    PersonalDataRetention retention;

    @Autowired
    JdbcClient jdbc;

    private List<Long> approvedIds(ArticleView article) {
        return threads.approved(article.id()).stream().map(PublicComment::id).toList();
    }

    private CommentRow row(long id) {
        return comments.comment(id).orElseThrow();
    }

    @Test
    void commentIsApprovedWhenNothingIsHeld() {
        ArticleView article = commenting.article("Approved at once");
        CommentService.Posted posted = comments.post(article.id(), comment("Ana", "Well reported."), visitor());
        assertThat(posted.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(approvedIds(article)).containsExactly(posted.id());
    }

    @Test
    void firstCommentIsHeldAndTheCommenterIsTrustedOnceApproved() {
        policies.update(policy(policies.current(), Moderation.FIRST, Duration.ZERO, Duration.ZERO, 0));
        ArticleView article = commenting.article("First comment held");
        String email = Comments.email();
        var first = comments.post(article.id(), new CommentForm("Ben", email, null, "My first word.", null), visitor());
        assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
        var second =
                comments.post(article.id(), new CommentForm("Ben", email, null, "Still waiting?", null), visitor());
        assertThat(second.status()).as("no approved comment yet").isEqualTo(CommentStatus.PENDING);
        assertThat(approvedIds(article)).isEmpty();

        comments.approve(first.id());
        var third = comments.post(
                article.id(), new CommentForm("Ben", email.toUpperCase(), null, "Thanks!", null), visitor());
        assertThat(third.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(approvedIds(article)).containsExactly(first.id(), third.id());
    }

    @Test
    void blocklistedCommentGoesToSpamAndModerationWordsHold() {
        policies.update(withLists(policies.current(), List.of("referendum"), List.of("cheap-pills.example")));
        ArticleView article = commenting.article("Spam and held");
        var spam = comments.post(
                article.id(),
                new CommentForm("Bot", Comments.email(), "https://www.cheap-pills.example/", "Great post", null),
                visitor());
        var held = comments.post(article.id(), comment("Cy", "What about the referendum?"), visitor());
        var links = comments.post(
                article.id(), comment("Di", "https://a.example https://b.example https://c.example"), visitor());
        assertThat(spam.status()).isEqualTo(CommentStatus.SPAM);
        assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(links.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(approvedIds(article)).isEmpty();
    }

    @Test
    void repliesBeyondTheDepthLimitJoinTheDeepestLevel() {
        ArticleView article = commenting.article("Depth limit");
        long top = comments.post(article.id(), comment("A", "Top"), visitor()).id();
        long second = comments.post(article.id(), reply("B", "Second level", top), visitor())
                .id();
        long third = comments.post(article.id(), reply("C", "Third level", second), visitor())
                .id();
        long fourth = comments.post(article.id(), reply("D", "Would be fourth", third), visitor())
                .id();

        assertThat(row(second).parentId()).isEqualTo(top);
        assertThat(row(third).parentId()).isEqualTo(second);
        assertThat(row(third).depth()).isEqualTo(3);
        assertThat(row(fourth).parentId()).as("attached beside the third level").isEqualTo(second);
        assertThat(row(fourth).depth()).isEqualTo(3);
    }

    @Test
    void replyToAHiddenOrForeignCommentIsRefused() {
        ArticleView article = commenting.article("Reply target");
        ArticleView other = commenting.article("Other article");
        long elsewhere =
                comments.post(other.id(), comment("E", "Elsewhere"), visitor()).id();
        long trashed = comments.post(article.id(), comment("F", "Soon gone"), visitor())
                .id();
        comments.trash(trashed);
        for (long parent : new long[] {elsewhere, trashed, 987_654_321L}) {
            assertThatThrownBy(() -> comments.post(article.id(), reply("G", "Reply " + parent, parent), visitor()))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ValidationException.Problem::field)
                                    .contains("parent"));
        }
    }

    @Test
    void moderatorActionsMoveCommentsAndRestoreReturnsThemAsTheyWere() {
        ArticleView article = commenting.article("Moderation");
        long id = comments.post(article.id(), comment("H", "Approved first"), visitor())
                .id();

        comments.spam(id);
        assertThat(row(id).status()).isEqualTo(CommentStatus.SPAM);
        assertThat(approvedIds(article)).isEmpty();
        comments.restore(id);
        assertThat(row(id).status()).isEqualTo(CommentStatus.APPROVED);

        comments.trash(id);
        assertThat(row(id).status()).isEqualTo(CommentStatus.TRASH);
        assertThat(approvedIds(article)).isEmpty();
        comments.restore(id);
        assertThat(row(id).status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(approvedIds(article)).containsExactly(id);

        policies.update(policy(policies.current(), Moderation.ALL, Duration.ZERO, Duration.ZERO, 0));
        long held = comments.post(article.id(), comment("I", "Held, then trashed"), visitor())
                .id();
        comments.trash(held);
        comments.restore(held);
        assertThat(row(held).status()).as("back to the queue, not published").isEqualTo(CommentStatus.PENDING);
        comments.approve(held);
        assertThat(approvedIds(article)).containsExactly(id, held);
    }

    @Test
    void editChangesTheTextOnThePageAndChecksFieldsLikeAReaders() {
        ArticleView article = commenting.article("Edit");
        long id =
                comments.post(article.id(), comment("J", "Teh typo"), visitor()).id();
        comments.edit(id, new CommentForm("Jo", "jo@example.org", "jo.example", "The typo, fixed", null));
        CommentRow edited = row(id);
        assertThat(edited.name()).isEqualTo("Jo");
        assertThat(edited.website()).isEqualTo("https://jo.example");
        assertThat(edited.html()).isEqualTo("<p>The typo, fixed</p>\n");
        assertThat(threads.approved(article.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.html()).contains("The typo, fixed"));
        assertThatThrownBy(() -> comments.edit(id, new CommentForm("", "x", "javascript:alert(1)", "", null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactlyInAnyOrder("name", "email", "comment", "website"));
    }

    @Test
    void deleteForeverKeepsTheRepliesOneLevelUp() {
        ArticleView article = commenting.article("Delete forever");
        long top = comments.post(article.id(), comment("K", "Top"), visitor()).id();
        long middle = comments.post(article.id(), reply("L", "Middle", top), visitor())
                .id();
        long bottom = comments.post(article.id(), reply("M", "Bottom", middle), visitor())
                .id();
        comments.deleteForever(middle);
        assertThat(comments.comment(middle)).isEmpty();
        assertThat(row(bottom).parentId()).isEqualTo(top);
        assertThat(row(bottom).depth()).isEqualTo(2);
        assertThat(approvedIds(article)).containsExactly(top, bottom);
        assertThatThrownBy(() -> comments.deleteForever(middle)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void staffReplyIsApprovedMarkedAndApprovesWhatItAnswers() {
        policies.update(policy(policies.current(), Moderation.ALL, Duration.ZERO, Duration.ZERO, 0));
        ArticleView article = commenting.article("Staff reply");
        long question = comments.post(article.id(), comment("N", "Is the figure right?"), visitor())
                .id();
        var answer = comments.replyAsStaff(question, "The Editors", "editors@broadsheet.example", "Yes; see the note.");
        assertThat(answer.status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(row(answer.id()).staff()).isTrue();
        assertThat(row(answer.id()).parentId()).isEqualTo(question);
        assertThat(approvedIds(article)).containsExactly(question, answer.id());
    }

    @Test
    void floodLimitsPerAddressAndPerEmail() {
        policies.update(policy(policies.current(), Moderation.NONE, Duration.ZERO, Duration.ofSeconds(15), 3));
        ArticleView article = commenting.article("Flood");
        Visitor sameIp = visitor();
        comments.post(article.id(), comment("O", "One"), sameIp);
        assertThatThrownBy(() -> comments.post(article.id(), comment("O", "Two"), sameIp))
                .isInstanceOfSatisfying(
                        CommentRefused.Flood.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(15)));

        String email = Comments.email();
        comments.post(article.id(), new CommentForm("P", email, null, "From one place", null), visitor());
        assertThatThrownBy(() ->
                        comments.post(article.id(), new CommentForm("P", email, null, "From another", null), visitor()))
                .isInstanceOf(CommentRefused.Flood.class);

        policies.update(policy(policies.current(), Moderation.NONE, Duration.ZERO, Duration.ZERO, 3));
        Visitor busy = visitor();
        for (int i = 0; i < 3; i++) {
            comments.post(article.id(), comment("Q", "Comment " + i), busy);
        }
        assertThatThrownBy(() -> comments.post(article.id(), comment("Q", "One too many"), busy))
                .isInstanceOf(CommentRefused.Flood.class);
    }

    @Test
    void sameTextFromTheSameEmailOnTheSameArticleIsADuplicate() {
        ArticleView article = commenting.article("Duplicate");
        String email = Comments.email();
        long first = comments.post(article.id(), new CommentForm("R", email, null, "Agreed.", null), visitor())
                .id();
        assertThatThrownBy(() ->
                        comments.post(article.id(), new CommentForm("R", email, null, "  Agreed.\n", null), visitor()))
                .isInstanceOfSatisfying(
                        CommentRefused.Duplicate.class,
                        e -> assertThat(e.existingId()).isEqualTo(first));
        // Someone else may agree too, and the same person may say it elsewhere.
        comments.post(article.id(), comment("S", "Agreed."), visitor());
        comments.post(
                commenting.article("Elsewhere").id(), new CommentForm("R", email, null, "Agreed.", null), visitor());
        comments.trash(first);
        comments.post(article.id(), new CommentForm("R", email, null, "Agreed.", null), visitor());
    }

    @Test
    void commentsCloseByTheArticleSwitchAndAfterTheConfiguredDays() {
        ArticleView recent = commenting.article("Recent", Duration.ofDays(29));
        ArticleView old = commenting.article("Old", Duration.ofDays(31));
        assertThat(comments.isOpen(recent)).isTrue();
        assertThat(comments.isOpen(old)).isFalse();
        assertThatThrownBy(() -> comments.post(old.id(), comment("T", "Too late"), visitor()))
                .isInstanceOf(CommentRefused.Closed.class);

        workflow.setCommentsOpen(recent.id(), false);
        ArticleView closed = stories.view(recent.id());
        assertThat(comments.isOpen(closed)).isFalse();
        assertThatThrownBy(() -> comments.post(closed.id(), comment("U", "Closed"), visitor()))
                .isInstanceOf(CommentRefused.Closed.class);

        CommentPolicy never = policies.current();
        policies.update(new CommentPolicy(
                never.moderation(),
                never.maxLinks(),
                never.moderationWords(),
                never.blocklist(),
                never.minFormTime(),
                never.floodInterval(),
                never.floodPerHour(),
                0,
                never.maxDepth(),
                never.perPage(),
                never.retainIpDays()));
        assertThat(comments.isOpen(old)).as("0 days: never closes by age").isTrue();
    }

    @Test
    void everyProblemWithTheFieldsIsReportedAndNothingIsStored() {
        ArticleView article = commenting.article("Validation");
        assertThatThrownBy(() -> comments.post(
                        article.id(),
                        new CommentForm(" ", "not-an-email", "javascript:alert(1)", "\n  \n", null),
                        visitor()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactlyInAnyOrder("name", "email", "website", "comment"));
        assertThatThrownBy(() -> comments.post(
                        article.id(),
                        new CommentForm("x".repeat(246), Comments.email(), null, "y".repeat(10_001), null),
                        visitor()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactlyInAnyOrder("name", "comment"));
        assertThat(jdbc.sql("select count(*) from comment where article_id = ?")
                        .param(article.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void websitesAreHttpOrHttpsOnly() {
        assertThat(CommentFields.website("example.org")).isEqualTo("https://example.org");
        assertThat(CommentFields.website("http://example.org/path?q=1")).isEqualTo("http://example.org/path?q=1");
        assertThat(CommentFields.website("HTTPS://Example.org")).isEqualTo("HTTPS://Example.org");
        for (String bad : List.of(
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html,<script>",
                "vbscript:msgbox",
                "ftp://example.org",
                "https://user:pw@example.org",
                "https://",
                "//example.org",
                "https://exa mple.org",
                "file:///etc/passwd")) {
            assertThat(CommentFields.website(bad)).as(bad).isNull();
        }
    }

    @Test
    void addressesAndUserAgentsAreErasedAfterTheRetentionPeriod() {
        ArticleView article = commenting.article("Retention");
        long old = comments.post(article.id(), comment("V", "Old"), new Visitor("192.0.2.44", "OldAgent/1"))
                .id();
        long fresh = comments.post(article.id(), comment("W", "Fresh"), new Visitor("192.0.2.45", "NewAgent/1"))
                .id();
        jdbc.sql("update comment set created_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(61))), old)
                .update();

        assertThat(retention.eraseExpired()).isGreaterThanOrEqualTo(1);
        assertThat(row(old).ip()).isNull();
        assertThat(row(old).userAgent()).isNull();
        assertThat(row(fresh).ip()).isEqualTo("192.0.2.45");
        assertThat(row(fresh).userAgent()).isEqualTo("NewAgent/1");
        assertThat(row(old).email())
                .as("the email stays, for the approval rule")
                .isNotBlank();
    }

    @Test
    void policyValuesOutOfRangeAreRefused() {
        CommentPolicy p = policies.current();
        assertThatThrownBy(() -> policies.update(new CommentPolicy(
                        null,
                        -1,
                        p.moderationWords(),
                        p.blocklist(),
                        Duration.ofSeconds(-1),
                        p.floodInterval(),
                        -5,
                        p.closeAfterDays(),
                        0,
                        0,
                        0)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.problems()).hasSize(7));
        assertThat(policies.current()).isEqualTo(p);
    }
}
