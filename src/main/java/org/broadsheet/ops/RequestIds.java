package org.broadsheet.ops;

import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Request ids: the one a client or proxy sent in {@code X-Request-Id} when it is well-formed
 * (1 to 64 letters, digits, {@code . _ : -}; nothing that could forge or split a log line),
 * else a new one of 16 hex digits. Thread-safe.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** The MDC key log patterns print ({@code logging.pattern.correlation}). */
    static final String MDC_KEY = "requestId";

    private static final int MAX = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {}

    /** {@code sent} if it may be used as it is, else a new id. */
    static String of(@Nullable String sent) {
        return sent != null && wellFormed(sent) ? sent : generate();
    }

    static boolean wellFormed(String id) {
        if (id.isEmpty() || id.length() > MAX) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** 64 random bits: ids only tell requests apart in logs, so no secure random is needed. */
    static String generate() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] id = new char[16];
        for (int i = 15; i >= 0; i--) {
            id[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(id);
    }
}
