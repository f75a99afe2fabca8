package org.broadsheet.mail;

import java.util.regex.Pattern;

/**
 * One plain-text mail to one person. {@code kind} names what it is ({@code invitation},
 * {@code password-reset}, {@code moderation}) for the queue's record. The address must be a
 * single plain address; a name or subject with line breaks or other control characters has them
 * turned into spaces before any header is written, so no text can add a header.
 */
public record MailMessage(String kind, String to, String toName, String subject, String body) {

    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"()\\[\\]\\\\]{1,64}@[^@\\s\\p{Cntrl}<>,;\"()\\[\\]\\\\]{1,253}");

    public MailMessage {
        if (!ADDRESS.matcher(to).matches()) {
            throw new IllegalArgumentException("Not a single mail address");
        }
        toName = MailHeaders.oneLine(toName);
        subject = MailHeaders.oneLine(subject);
    }
}
