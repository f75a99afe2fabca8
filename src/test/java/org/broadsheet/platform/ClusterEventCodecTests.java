package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.broadsheet.article.ArticleEvents;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.TaxonomyChanged;
import org.junit.jupiter.api.Test;

/** What notifications carry, strings in and out. */
class ClusterEventCodecTests {

    private final ClusterEventCodec sender = new ClusterEventCodec();
    private final ClusterEventCodec receiver = new ClusterEventCodec();

    @Test
    void eventsFromAnotherNodeComeBackEqualAndInOrder() {
        ArticleEvents.ArticleScheduled scheduled =
                new ArticleEvents.ArticleScheduled(42, Instant.parse("2026-11-27T09:30:00Z"));
        TaxonomyChanged renamed = new TaxonomyChanged(Taxonomy.SECTION, 7);
        List<String> payloads = sender.payloads(List.of(sender.line(scheduled), sender.line(renamed)));
        assertThat(payloads).hasSize(1);
        assertThat(receiver.decode(payloads.get(0))).containsExactly(scheduled, renamed);
    }

    @Test
    void manyEventsArePackedIntoNotificationsPostgreSqlAccepts() {
        List<ClusterEvent> events = IntStream.range(0, 2_000)
                .<ClusterEvent>mapToObj(ArticleEvents.ArticleChanged::new)
                .toList();
        List<String> payloads =
                sender.payloads(events.stream().map(sender::line).toList());
        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads)
                .allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(ClusterEventCodec.MAX_PAYLOAD_BYTES));
        List<ClusterEvent> received = new ArrayList<>();
        payloads.forEach(p -> received.addAll(receiver.decode(p)));
        assertThat(received).isEqualTo(events);
        assertThat(sender.payloads(List.of())).isEmpty();
    }

    @Test
    void aNodeIgnoresWhatItSentItself() {
        String payload = sender.payloads(List.of(sender.line(new ArticleEvents.ArticleChanged(1))))
                .get(0);
        assertThat(sender.decode(payload)).isEmpty();
    }

    @Test
    void linesThatAreNotBroadsheetClusterEventsAreSkipped() {
        assertThat(receiver.decode("garbage")).isEmpty();
        assertThat(receiver.decode(String.join(
                        "\n",
                        "other-node",
                        "java.lang.ProcessBuilder [\"rm\"]",
                        "org.broadsheet.web.SiteIdentity {\"name\":\"x\",\"tagline\":\"y\"}",
                        "org.broadsheet.article.ArticleEvents$NoSuchEvent {}",
                        "org.broadsheet.article.ArticleEvents$ArticleChanged {not json",
                        "no-space-at-all",
                        "org.broadsheet.article.ArticleEvents$ArticleChanged {\"articleId\":5}")))
                .as("only the last line is a cluster event this node can read")
                .containsExactly(new ArticleEvents.ArticleChanged(5));
    }

    @Test
    void anEventTooBigForANotificationIsRefusedWhereItIsPublished() {
        assertThatThrownBy(() -> sender.line(new ClusterEventBusTests.Probe("x".repeat(8000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too big");
    }
}
