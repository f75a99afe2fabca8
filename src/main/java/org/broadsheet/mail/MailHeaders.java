package org.broadsheet.mail;

/** What may go into a header: one line, whatever the text held. */
final class MailHeaders {

    private MailHeaders() {}

    /**
     * {@code text} with every control character (CR and LF above all, which would end the header
     * and start another) and every Unicode line or paragraph separator turned into a space, runs
     * of spaces made one, and trimmed.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isISOControl(c)
                    || Character.isWhitespace(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
            if (blank) {
                space = true;
            } else {
                if (space && !line.isEmpty()) {
                    line.append(' ');
                }
                space = false;
                line.append(c);
            }
        }
        return line.toString();
    }
}
