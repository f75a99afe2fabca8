package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * How many request threads {@link SlowBodies} lets wait for bodies at once: half of the platform
 * threads unless set, none bounded with virtual threads, and what the operator says otherwise.
 */
class WaitingReadersTests {

    @Test
    void halfThePlatformThreadsByDefault() {
        assertThat(readers(null, 8, false)).isEqualTo(4);
        assertThat(readers(null, 200, false)).isEqualTo(100);
        assertThat(readers(null, 1, false)).as("never none at all").isEqualTo(1);
    }

    @Test
    void noBoundWithVirtualThreads() {
        assertThat(readers(null, 8, true)).isZero();
    }

    @Test
    void whatTheOperatorSetsWins() {
        assertThat(readers(2, 8, true)).isEqualTo(2);
        assertThat(readers(0, 8, false)).as("0: no bound").isZero();
        assertThat(readers(-3, 8, false)).isZero();
    }

    private static int readers(Integer set, int threads, boolean virtual) {
        return SlowBodies.waitingReaders(
                new RequestBodySettings(DataSize.ofKilobytes(1), Duration.ofSeconds(5), set), threads, virtual);
    }
}
