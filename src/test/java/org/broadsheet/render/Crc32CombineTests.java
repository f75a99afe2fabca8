package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTests {

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void combinedChecksumsEqualTheChecksumOfTheJoinedBytes() {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 7, 64, 1000, 65_535, 200_003}) {
            byte[] a = new byte[random.nextInt(5000)];
            byte[] b = new byte[length];
            random.nextBytes(a);
            random.nextBytes(b);
            byte[] joined = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            assertThat(Crc32Combine.combine(crc(a), crc(b), b.length))
                    .as("length %d", length)
                    .isEqualTo(crc(joined));
        }
    }

    @Test
    void combiningWithNothingKeepsTheChecksum() {
        assertThat(Crc32Combine.combine(0x1234abcdL, 0, 0)).isEqualTo(0x1234abcdL);
        assertThat(Crc32Combine.combine(0, crc("abc".getBytes()), 3)).isEqualTo(crc("abc".getBytes()));
    }
}
