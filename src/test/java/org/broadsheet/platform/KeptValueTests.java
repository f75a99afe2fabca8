package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptValueTests {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aValueIsLoadedOnceAndAgainAfterItIsForgotten() {
        KeptValue<Integer> value = new KeptValue<>(Duration.ofMinutes(5), loads::incrementAndGet);

        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        value.forget();
        assertThat(value.get()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        KeptValue<Integer> value = new KeptValue<>(Duration.ZERO, loads::incrementAndGet);

        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(2);
        assertThat(value.get()).isEqualTo(3);
        value.forget();
        assertThat(value.get()).isEqualTo(4);
    }

    @Test
    void aNegativeTimeToLiveKeepsNothingEither() {
        KeptValue<Integer> value = new KeptValue<>(Duration.ofSeconds(-1), loads::incrementAndGet);

        value.get();
        value.get();
        assertThat(loads).hasValue(2);
    }
}
