package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentRulesTests {

    private static CommentPolicy policy(Moderation moderation, List<String> words, List<String> blocklist) {
        return new CommentPolicy(
                moderation, 2, words, blocklist, Duration.ofSeconds(3), Duration.ofSeconds(15), 10, 30, 3, 50, 60);
    }

    private static NewComment comment(String text) {
        return comment("Ana", "ana@example.org", null, text, "192.0.2.10");
    }

    private static NewComment comment(String name, String email, String website, String text, String ip) {
        return new NewComment(name, email, website, text, new Visitor(ip, "Mozilla/5.0 (Test)"));
    }

    @Test
    void firstCommentOfAnEmailIsHeldAndLaterOnesApproved() {
        CommentPolicy first = policy(Moderation.FIRST, List.of(), List.of());
        assertThat(CommentRules.decide(first, comment("Hello"), false)).isEqualTo(CommentStatus.PENDING);
        assertThat(CommentRules.decide(first, comment("Hello"), true)).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void moderationAllHoldsEveryCommentAndNoneHoldsNone() {
        assertThat(CommentRules.decide(policy(Moderation.ALL, List.of(), List.of()), comment("Hi"), true))
                .isEqualTo(CommentStatus.PENDING);
        assertThat(CommentRules.decide(policy(Moderation.NONE, List.of(), List.of()), comment("Hi"), false))
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void moreThanTwoLinksAreHeldEvenForKnownCommenters() {
        CommentPolicy none = policy(Moderation.NONE, List.of(), List.of());
        assertThat(CommentRules.decide(none, comment("https://a.example https://b.example"), true))
                .isEqualTo(CommentStatus.APPROVED);
        assertThat(CommentRules.decide(none, comment("https://a.example https://b.example www.c.example"), true))
                .isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void moderationWordsHoldWholeWordsOnly() {
        CommentPolicy words = policy(Moderation.NONE, List.of("lottery", "ass"), List.of());
        assertThat(CommentRules.decide(words, comment("You won the LOTTERY!"), true))
                .isEqualTo(CommentStatus.PENDING);
        assertThat(CommentRules.decide(words, comment("A first-class analysis"), true))
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void blocklistSendsWordsEmailsAddressesAndDomainsToSpam() {
        CommentPolicy block = policy(
                Moderation.NONE, List.of(), List.of("casino", "bot@spam.example", "203.0.113.9", "pills.example"));
        assertThat(CommentRules.decide(block, comment("Best casino bonus"), true))
                .isEqualTo(CommentStatus.SPAM);
        assertThat(CommentRules.decide(block, comment("Ana", "BOT@spam.example", null, "hi", "192.0.2.1"), true))
                .isEqualTo(CommentStatus.SPAM);
        assertThat(CommentRules.decide(block, comment("Ana", "a@b.example", null, "hi", "203.0.113.9"), true))
                .isEqualTo(CommentStatus.SPAM);
        assertThat(CommentRules.decide(
                        block, comment("Ana", "a@b.example", "https://shop.pills.example/x", "hi", "192.0.2.1"), true))
                .isEqualTo(CommentStatus.SPAM);
        assertThat(CommentRules.decide(block, comment("A fair point about casinos' taxes"), true))
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void blocklistWinsOverModeration() {
        CommentPolicy both = policy(Moderation.ALL, List.of("casino"), List.of("casino"));
        assertThat(CommentRules.decide(both, comment("casino"), false)).isEqualTo(CommentStatus.SPAM);
    }
}
