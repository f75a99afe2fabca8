package org.broadsheet.platform;

import java.time.Instant;

import org.broadsheet.article.ArticleEvents;
import org.broadsheet.web.TaxonomyChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a notification carries, string in and out. */
class ClusterEventCodecTests {

    private final ClusterEventCodec sender = new ClusterEventCodec();
    private final ClusterEventCodec receiver = new ClusterEventCodec();

    @Test
    void anEventFromAnotherNodeComesBackEqual() {
        ArticleEvents.ArticleScheduled scheduled = new ArticleEvents.ArticleScheduled(42, Instant.parse("2026-11-27T09:30:00Z"));
        assertThat(receiver.decode(sender.encode(scheduled))).contains(scheduled);
        TaxonomyChanged renamed = new TaxonomyChanged(TaxonomyChanged.SECTION, 7);
        assertThat(receiver.decode(sender.encode(renamed))).contains(renamed);
    }

    @Test
    void aNodeIgnoresWhatItSentItself() {
        assertThat(sender.decode(sender.encode(new ArticleEvents.ArticleChanged(1)))).isEmpty();
    }

    @Test
    void payloadsThatAreNotBroadsheetClusterEventsAreIgnored() {
        String node = "other-node";
        assertThat(receiver.decode("garbage")).isEmpty();
        assertThat(receiver.decode(node + " java.lang.ProcessBuilder [\"rm\"]")).as("outside the project").isEmpty();
        assertThat(receiver.decode(node + " org.broadsheet.web.SiteIdentity {\"name\":\"x\",\"tagline\":\"y\"}"))
                .as("a project class that is not a cluster event").isEmpty();
        assertThat(receiver.decode(node + " org.broadsheet.article.ArticleEvents$NoSuchEvent {}")).as("unknown").isEmpty();
        assertThat(receiver.decode(node + " org.broadsheet.article.ArticleEvents$ArticleChanged {not json"))
                .as("broken JSON").isEmpty();
    }

    @Test
    void anEventTooBigForANotificationIsRefusedWhenSent() {
        assertThatThrownBy(() -> sender.encode(new ClusterEventBusTests.Probe("x".repeat(8000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too big");
    }
}
