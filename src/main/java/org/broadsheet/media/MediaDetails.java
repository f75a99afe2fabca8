package org.broadsheet.media;

import java.util.regex.Pattern;
import org.broadsheet.web.Problems;

/**
 * An image's alt text, caption and credit as typed for an upload or an edit (the newsroom's
 * form binds to it); {@link #checked} strips and checks them.
 */
public record MediaDetails(String alt, String caption, String credit) {

    public static final int ALT_MAX = 300;
    public static final int CAPTION_MAX = 500;
    public static final int CREDIT_MAX = 200;

    static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

    /**
     * The details stripped of surrounding white space (null as blank).
     *
     * @throws org.broadsheet.web.ValidationException for text that is too long or holds control characters
     */
    static MediaDetails checked(String alt, String caption, String credit) {
        MediaDetails d = new MediaDetails(clean(alt), clean(caption), clean(credit));
        new Problems()
                .maxLength(d.alt, "alt", "Alt text", ALT_MAX)
                .require(!CONTROL.matcher(d.alt).find(), "alt", "Alt text must not contain control characters")
                .maxLength(d.caption, "caption", "Caption", CAPTION_MAX)
                .require(!CONTROL.matcher(d.caption).find(), "caption", "Caption must not contain control characters")
                .maxLength(d.credit, "credit", "Credit", CREDIT_MAX)
                .require(!CONTROL.matcher(d.credit).find(), "credit", "Credit must not contain control characters")
                .throwIfAny();
        return d;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
