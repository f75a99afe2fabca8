package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadsheet.testkit.Comments.visitor;
import static org.broadsheet.testkit.Comments.withLists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderation queue as staff see it: listing, search, paging, counts and bulk actions.
 * Each test rolls back, so no held comment waits in a later test's queue or count; searches
 * use a word only their own test writes, so comments other tests left are never found.
 */
@BroadsheetTest
@Transactional
class ModerationQueueTests extends SiteTest {

    /** The moderation word every test here sets: a comment containing it is held for a moderator. */
    private static final String HOLD = "hold-for-moderator";

    @Autowired
    CommentThreads threads;

    @BeforeEach
    void holdCommentsWithTheModerationWord() {
        policies.update(withLists(policies.current(), List.of(HOLD), List.of()));
    }

    /** A word no other test writes (nor contains: it ends in a letter), so a search finds only this test's comments. */
    private static String marker() {
        return Unique.slug("zq") + "z";
    }

    private long post(ArticleView article, String name, String text) {
        return comments.post(article.id(), new CommentForm(name, Comments.email(), null, text, null), visitor())
                .id();
    }

    /** A comment the policy holds for a moderator (it contains the moderation word). */
    private long held(ArticleView article, String name, String text) {
        long id = post(article, name, text + " " + HOLD);
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);
        return id;
    }

    private List<Long> approvedIds(ArticleView article) {
        return threads.approved(article.id()).stream().map(PublicComment::id).toList();
    }

    private CommentStatus status(long id) {
        return comments.comment(id).orElseThrow().status();
    }

    @Test
    void allCommentsListHeldOnesFirstThenNewestFirst() {
        ArticleView article = commenting.article("Queue order");
        String word = marker();
        long oldApproved = post(article, "Ana", "Early " + word);
        long heldFirst = held(article, "Ben", "Held " + word);
        long newApproved = post(article, "Cy", "Later " + word);
        long heldSecond = held(article, "Di", "Also held " + word);

        ResultPage<StaffComment> all = comments.forStaff(new StaffCommentQuery(null, word, 1));
        assertThat(all.items())
                .extracting(s -> s.comment().id())
                .containsExactly(heldSecond, heldFirst, newApproved, oldApproved);
        assertThat(all.total()).isEqualTo(4);

        assertThat(comments.forStaff(new StaffCommentQuery(CommentStatus.PENDING, word, 1))
                        .items())
                .extracting(s -> s.comment().id())
                .containsExactly(heldSecond, heldFirst);
        assertThat(comments.forStaff(new StaffCommentQuery(CommentStatus.APPROVED, word, 1))
                        .items())
                .extracting(s -> s.comment().id())
                .containsExactly(newApproved, oldApproved);
        assertThat(comments.forStaff(new StaffCommentQuery(CommentStatus.SPAM, word, 1))
                        .items())
                .isEmpty();
    }

    @Test
    void staffSeeTheCommentersPrivateDetailsAndTheArticle() {
        ArticleView article = commenting.article("Private details");
        String word = marker();
        String email = Comments.email();
        String ip = Comments.ip();
        long id = comments.post(
                        article.id(),
                        new CommentForm("Eve", email, "https://eve.example/blog", "Hello " + word, null),
                        new Visitor(ip, "Mozilla/5.0 (Queue test)"))
                .id();
        long reply = comments.post(article.id(), Comments.reply("Fay", "Answer " + word, id), visitor())
                .id();

        StaffComment seen = comments.staffComment(id).orElseThrow();
        assertThat(seen.comment().email()).isEqualTo(email);
        assertThat(seen.comment().website()).isEqualTo("https://eve.example/blog");
        assertThat(seen.comment().ip()).isEqualTo(ip);
        assertThat(seen.comment().userAgent()).isEqualTo("Mozilla/5.0 (Queue test)");
        assertThat(seen.articleHeadline()).isEqualTo("Private details");
        assertThat(seen.articleUrl()).isEqualTo(article.url());
        assertThat(seen.replyToName()).isNull();
        assertThat(comments.staffComment(reply).orElseThrow().replyToName()).isEqualTo("Eve");
        assertThat(comments.forStaff(new StaffCommentQuery(null, word, 1)).items())
                .extracting(StaffComment::articleUrl)
                .containsOnly(article.url());
        assertThat(comments.staffComment(987_654_321L)).isEmpty();
    }

    @Test
    void searchLooksInTheNameEmailTextAndAddressIgnoringCase() {
        ArticleView article = commenting.article("Search");
        String word = marker();
        String email = "search-" + word + "@example.net";
        String ip = Comments.ip();
        long byName = comments.post(
                        article.id(),
                        new CommentForm("Name" + word, Comments.email(), null, "Plain words.", null),
                        visitor())
                .id();
        long byEmail = comments.post(article.id(), new CommentForm("Gus", email, null, "Other words.", null), visitor())
                .id();
        long byText = post(article, "Hal", "Contains " + word.toUpperCase() + " in capitals.");
        long byIp = comments.post(
                        article.id(), Comments.comment("Ida", "From a known address."), new Visitor(ip, "Tests"))
                .id();

        assertThat(comments.forStaff(new StaffCommentQuery(null, word, 1)).items())
                .extracting(s -> s.comment().id())
                .containsExactlyInAnyOrder(byName, byEmail, byText);
        assertThat(comments.forStaff(new StaffCommentQuery(null, "  " + email.toUpperCase() + " ", 1))
                        .items())
                .extracting(s -> s.comment().id())
                .containsExactly(byEmail);
        assertThat(comments.forStaff(new StaffCommentQuery(null, ip, 1)).items())
                .extracting(s -> s.comment().id())
                .containsExactly(byIp);
    }

    @Test
    void likeWildcardsInASearchAreTakenLiterally() {
        ArticleView article = commenting.article("Wildcards");
        String word = marker();
        long percent = post(article, "Jo", word + " rose 5% today");
        post(article, "Kim", word + " rose 5 points");

        assertThat(comments.forStaff(new StaffCommentQuery(null, word + " rose 5%", 1))
                        .items())
                .extracting(s -> s.comment().id())
                .containsExactly(percent);
        assertThat(comments.forStaff(new StaffCommentQuery(null, "%", 1)).total())
                .as("a lone % matches only comments containing it")
                .isLessThan(
                        comments.forStaff(new StaffCommentQuery(null, null, 1)).total());
        assertThat(comments.forStaff(new StaffCommentQuery(null, word + "_", 1)).items())
                .isEmpty();
    }

    @Test
    void queuePagesThroughEveryMatchOnce() {
        ArticleView article = commenting.article("Paging");
        String word = marker();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(article, "Reader " + i, "Comment " + i + " " + word));
        }
        ResultPage<StaffComment> first = comments.forStaff(new StaffCommentQuery(null, word, 1, 2));
        ResultPage<StaffComment> second = comments.forStaff(new StaffCommentQuery(null, word, 2, 2));
        ResultPage<StaffComment> third = comments.forStaff(new StaffCommentQuery(null, word, 3, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.pagination(n -> "?page=" + n).previousUrl()).isNull();
        assertThat(first.pagination(n -> "?page=" + n).nextUrl()).isEqualTo("?page=2");
        assertThat(third.pagination(n -> "?page=" + n).nextUrl()).isNull();
        List<Long> seen = new ArrayList<>();
        for (ResultPage<StaffComment> page : List.of(first, second, third)) {
            page.items().forEach(c -> seen.add(c.comment().id()));
        }
        Collections.reverse(ids);
        assertThat(seen).as("newest first").containsExactlyElementsOf(ids);
        assertThat(comments.forStaff(new StaffCommentQuery(null, word, 4, 2)).items())
                .isEmpty();
    }

    @Test
    void pendingCountAndStatusCountsFollowEveryAction() {
        ArticleView article = commenting.article("Counts");
        long pendingBefore = comments.pendingCount();
        var before = comments.countsByStatus();
        assertThat(before).containsKeys(CommentStatus.values());
        assertThat(before.get(CommentStatus.PENDING)).isEqualTo(pendingBefore);

        long id = held(article, "Lou", "Waiting " + marker());
        assertThat(comments.pendingCount()).isEqualTo(pendingBefore + 1);
        comments.apply(CommentAction.SPAM, id);
        assertThat(comments.pendingCount()).isEqualTo(pendingBefore);
        assertThat(comments.countsByStatus().get(CommentStatus.SPAM)).isEqualTo(before.get(CommentStatus.SPAM) + 1);
        comments.apply(CommentAction.RESTORE, id);
        assertThat(status(id)).as("restored to where it came from").isEqualTo(CommentStatus.PENDING);
        comments.apply(CommentAction.APPROVE, id);
        assertThat(comments.pendingCount()).isEqualTo(pendingBefore);
        assertThat(comments.countsByStatus().get(CommentStatus.APPROVED))
                .isEqualTo(before.get(CommentStatus.APPROVED) + 1);
    }

    @Test
    void bulkApproveMakesEveryCommentPublic() {
        ArticleView article = commenting.article("Bulk approve");
        String word = marker();
        long a = held(article, "Max", "One " + word);
        long b = held(article, "Ned", "Two " + word);
        long c = held(article, "Oda", "Three " + word);

        assertThat(comments.bulk(CommentAction.APPROVE, List.of(a, b, c, a))).isEqualTo(3);
        assertThat(approvedIds(article)).containsExactly(a, b, c);

        comments.bulk(CommentAction.TRASH, List.of(a, c));
        assertThat(approvedIds(article)).containsExactly(b);
        comments.bulk(CommentAction.RESTORE, List.of(a, b, c));
        assertThat(approvedIds(article))
                .as("restore leaves an approved comment alone")
                .containsExactly(a, b, c);

        comments.bulk(CommentAction.SPAM, List.of(b));
        comments.bulk(CommentAction.DELETE_FOREVER, List.of(b, c));
        assertThat(comments.comment(b)).isEmpty();
        assertThat(comments.comment(c)).isEmpty();
        assertThat(approvedIds(article)).containsExactly(a);
    }

    @Test
    void bulkActionWithAnUnknownIdChangesNothing() {
        ArticleView article = commenting.article("Bulk refused");
        long a = held(article, "Pia", "Held " + marker());
        long b = held(article, "Quin", "Held too " + marker());

        assertThatThrownBy(() -> comments.bulk(CommentAction.APPROVE, List.of(a, 987_654_321L, b)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::message)
                                .containsExactly("Comment 987654321 no longer exists. Reload the page and try again; "
                                        + "nothing was changed."));
        assertThat(status(a)).isEqualTo(CommentStatus.PENDING);
        assertThat(status(b)).isEqualTo(CommentStatus.PENDING);
        assertThat(approvedIds(article)).isEmpty();
    }

    @Test
    void bulkActionNeedsAnActionAndSomeComments() {
        assertThatThrownBy(() -> comments.bulk(null, List.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactly("action", "ids"));
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= CommentService.MAX_BULK + 1; i++) {
            tooMany.add(i);
        }
        assertThatThrownBy(() -> comments.bulk(CommentAction.TRASH, tooMany))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 500");
    }

    @Test
    void actionsAndStatusesHaveStableKeysForFormsAndUrls() {
        for (CommentAction action : CommentAction.values()) {
            assertThat(CommentAction.fromKey(action.key())).contains(action);
        }
        for (CommentStatus status : CommentStatus.values()) {
            assertThat(CommentStatus.fromKey(status.key())).contains(status);
        }
        assertThat(CommentAction.fromKey("DELETE")).isEmpty();
        assertThat(CommentStatus.fromKey("all")).isEmpty();
    }
}
