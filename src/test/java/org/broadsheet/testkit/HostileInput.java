package org.broadsheet.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what an attacker or a broken client sends: field values (text of every
 * script and control character, numbers out of range, traversal, injection, huge), their bytes
 * in a query or form body (percent-encoded, raw, random bytes that are not UTF-8, overlong
 * encodings), parameter lists with duplicated names, and path segments. Shared by the
 * hostile-input tests of the forms and of the API.
 */
public final class HostileInput {

    /** Values chosen to break parsers, paths and queries. */
    public static final List<String> NASTIES = List.of(
            "",
            " ",
            "..",
            "../../../../etc/passwd",
            "..%2f..%2f..%2fetc%2fpasswd",
            "%2e%2e%2f%2e%2e%2f",
            "..\\..\\..\\windows\\win.ini",
            "/etc/passwd",
            "C:\\Windows\\system32",
            "file:///etc/passwd",
            "a\u0000b",
            "%00",
            "%C0%AE%C0%AE%C0%AF",
            "%FF%FE%FD",
            "\uD800",
            "\uFEFF",
            "' or '1'='1' --",
            "\"; drop table article; --",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "-1",
            "0",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "0x1F",
            "true",
            "null",
            "[]",
            "{}",
            "[[related: ../../secret]]",
            "\r\nSet-Cookie: x=1",
            "a".repeat(300));

    private HostileInput() {}

    /** A field's value: any text, a nasty, a number, or (rarely) something huge. */
    public static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(6, Arbitraries.of(NASTIES)),
                Tuple.of(3, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.randomValue(random -> anyText(random, 1_000 + random.nextInt(4_000)))),
                Tuple.of(1, Arbitraries.integers().between(20_000, 70_000).map("x"::repeat)));
    }

    /** A name: one of {@code known} (so names repeat), or any other. */
    public static Arbitrary<String> name(List<String> known) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
    }

    /** {@code name=value&…} as bytes: up to ten pairs, names of {@code known} repeating. */
    public static Arbitrary<byte[]> parameters(List<String> known) {
        Arbitrary<byte[]> pair = Combinators.combine(name(known), value(), encoding(), encoding())
                .as((name, value, nameCoding, valueCoding) ->
                        join(nameCoding.bytes(name), "=", valueCoding.bytes(value)));
        return pair.list().ofMaxSize(10).map(pairs -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < pairs.size(); i++) {
                if (i > 0) {
                    out.write('&');
                }
                out.writeBytes(pairs.get(i));
            }
            return out.toByteArray();
        });
    }

    /** A path segment: a value written in one of the ways a path may carry it. */
    public static Arbitrary<byte[]> segment() {
        return Combinators.combine(value(), encoding()).as((value, coding) -> requestLine(coding.bytes(value)));
    }

    /** How a value is written into a request. */
    public enum Encoding {
        /** Percent-encoded UTF-8, as a browser sends a form. */
        PERCENT,
        /** The UTF-8 bytes as they are (in a request line, see {@link #requestLine}). */
        RAW,
        /** Each char's low byte percent-encoded: bytes that are mostly not UTF-8. */
        BYTES,
        /** Dots and slashes in overlong UTF-8 ({@code %C0%AE}), the rest percent-encoded. */
        OVERLONG,
        /** Every char's low byte, raw: bytes over 0x7F that are not UTF-8. */
        LATIN1;

        public byte[] bytes(String value) {
            return switch (this) {
                case PERCENT -> URLEncoder.encode(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
                case RAW -> value.getBytes(StandardCharsets.UTF_8);
                case BYTES -> percentBytes(value);
                case OVERLONG ->
                    URLEncoder.encode(value, StandardCharsets.UTF_8)
                            .replace(".", "%C0%AE")
                            .replace("%2F", "%C0%AF")
                            .getBytes(StandardCharsets.US_ASCII);
                case LATIN1 -> latin1(value);
            };
        }
    }

    /** The ways of writing a value. */
    public static Arbitrary<Encoding> encoding() {
        return Arbitraries.of(Encoding.values());
    }

    /** Random bytes of up to {@code max} (made whole, not shrunk: generating them byte by byte is slow). */
    public static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.randomValue(random -> {
            byte[] bytes = new byte[random.nextInt(max + 1)];
            random.nextBytes(bytes);
            return bytes;
        });
    }

    /** {@code length} chars of any kind: controls, surrogates alone, every plane's first page. */
    private static String anyText(java.util.Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
        }
        return new String(chars);
    }

    /**
     * {@code bytes} fit for a request line: what would end it or cut the target (space, tab,
     * CR, LF, NUL, {@code #}) percent-encoded, everything else as it was.
     */
    public static byte[] requestLine(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        for (byte b : bytes) {
            if (b == ' ' || b == '\r' || b == '\n' || b == 0 || b == '\t' || b == '#') {
                out.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] percentBytes(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (char c : value.toCharArray()) {
            out.append(String.format("%%%02X", c & 0xff));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] latin1(String value) {
        byte[] out = new byte[value.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) value.charAt(i);
        }
        return out;
    }

    static byte[] join(byte[] first, String middle, byte[] last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + last.length + 1);
        out.writeBytes(first);
        out.writeBytes(middle.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(last);
        return out.toByteArray();
    }
}
