package org.broadsheet.api;

/** JSON text for the hostile API requests: strings escaped as JSON wants, and arrays nested deep. */
final class HostileJson {

    private HostileJson() {}

    /** {@code value} as a JSON string, every control character and quote escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An object whose headline is {@code depth} arrays, one inside the other. */
    static byte[] nested(int depth) {
        return ("{\"headline\": " + "[".repeat(depth) + "]".repeat(depth) + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
