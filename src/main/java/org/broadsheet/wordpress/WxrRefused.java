package org.broadsheet.wordpress;

/** A file that is not a WXR export the importer can read safely; nothing of it after {@code line}:{@code column} was read. */
final class WxrRefused extends Exception {

    private final int line;
    private final int column;

    WxrRefused(String reason, int line, int column) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** What a person is told: where, then why. */
    String describe() {
        return "line " + line + ", column " + column + ": " + getMessage();
    }
}
