package org.broadsheet.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names no other test uses, so that each test works on data only it can see: slugs, names and
 * emails made unique per call (within a run, and across runs on one database).
 */
public final class Unique {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private Unique() {}

    /** {@code base} with a suffix that makes it a new slug: {@code base-k3x9a-12}. */
    public static String slug(String base) {
        return base + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** {@code base} with a number no other name has: {@code Polar desk 12}. */
    public static String name(String base) {
        return base + " " + RUN + SEQUENCE.incrementAndGet();
    }

    /** {@code base} run together with a number no other word has, for searches: {@code narwhalk3x9a12}. */
    public static String word(String base) {
        return base + RUN + SEQUENCE.incrementAndGet();
    }

    /** An address at the reserved example domain: {@code base-k3x9a-12@example.org}. */
    public static String email(String base) {
        return slug(base) + "@example.org";
    }
}
