package org.broadsheet.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ValidationException;

/**
 * The checks on a comment's fields, whoever writes it (a reader, a moderator correcting it,
 * the newsroom answering, an import): name, email and text present and within their limits,
 * an email that looks like one, and a website that is an http(s) address or nothing.
 * Thread-safe.
 */
final class CommentFields {

    /** Plausible addresses: something@domain.tld, no spaces, no angle brackets or quotes. */
    private static final Pattern EMAIL =
            Pattern.compile("[^\\s@<>\"()\\[\\],;:]+@[^\\s@<>\"()\\[\\],;:]+\\.[^\\s@<>\"()\\[\\],;:]{2,}");

    private CommentFields() {}

    /**
     * The form's fields trimmed, the text's line endings normalised and the website made a URL.
     *
     * @throws ValidationException a field is missing or malformed (every problem listed)
     */
    static NewComment check(CommentForm form, Visitor visitor) {
        String name = strip(form.name());
        String email = strip(form.email());
        String website = strip(form.website());
        String text = CommentText.normalise(form.text());
        Problems problems = new Problems()
                .requireText(name, "name", "Name", CommentForm.NAME_MAX)
                .requireText(email, "email", "Email", CommentForm.EMAIL_MAX)
                .requireText(text, "comment", "Comment", CommentForm.TEXT_MAX)
                .maxLength(website, "website", "Website", CommentForm.WEBSITE_MAX);
        if (!email.isEmpty() && email.length() <= CommentForm.EMAIL_MAX) {
            problems.require(EMAIL.matcher(email).matches(), "email", "Enter an email address like name@example.com");
        }
        String url = website.isEmpty() ? null : website(website);
        problems.require(
                website.isEmpty() || url != null,
                "website",
                "Enter a web address starting with http:// or https://, or leave it empty");
        problems.throwIfAny();
        return new NewComment(name, email, url, text, visitor);
    }

    /** The website as a normalised http(s) URL with a host, or null if it is anything else. */
    static String website(String value) {
        String candidate = value.contains("://") ? value : "https://" + value;
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                return null;
            }
            return uri.toASCIIString().length() <= CommentForm.WEBSITE_MAX ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
