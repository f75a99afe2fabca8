package org.broadsheet.comment;

import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides where a new comment goes, in this order: anything matching the blocklist goes to
 * spam; too many links or a moderation word holds it; then the moderation setting (every
 * comment, a commenter's first, or none) decides between held and approved.
 *
 * <p>An entry made only of letters, digits and hyphens matches whole words (so "ass" does
 * not catch "class"); any other entry (an email, an IP address, a domain, a phrase with
 * punctuation) matches anywhere. Matching ignores case and looks at the text, name, email,
 * website, IP address and user agent. A domain also matches the website's subdomains.
 */
final class CommentRules {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}-]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}-]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CommentRules() {}

    static CommentStatus decide(CommentPolicy policy, NewComment comment, boolean knownCommenter) {
        String haystack = haystack(comment);
        if (matchesAny(policy.blocklist(), haystack) || blockedDomain(policy.blocklist(), comment.website())) {
            return CommentStatus.SPAM;
        }
        if (CommentText.countLinks(comment.text()) > policy.maxLinks()
                || matchesAny(policy.moderationWords(), haystack)) {
            return CommentStatus.PENDING;
        }
        return switch (policy.moderation()) {
            case ALL -> CommentStatus.PENDING;
            case FIRST -> knownCommenter ? CommentStatus.APPROVED : CommentStatus.PENDING;
            case NONE -> CommentStatus.APPROVED;
        };
    }

    static boolean matchesAny(List<String> entries, String haystack) {
        if (entries.isEmpty()) {
            return false;
        }
        Set<String> words = new HashSet<>(Arrays.asList(NOT_WORD.split(haystack)));
        words.addAll(Arrays.asList(NOT_LETTER_OR_DIGIT.split(haystack)));
        for (String entry : entries) {
            String needle = entry.toLowerCase(Locale.ROOT);
            if (WORD.matcher(needle).matches() ? words.contains(needle) : haystack.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blockedDomain(List<String> entries, String website) {
        if (website == null || website.isBlank()) {
            return false;
        }
        String host = URI.create(website).getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        for (String entry : entries) {
            String domain = entry.toLowerCase(Locale.ROOT);
            if (domain.contains(".") && (host.equals(domain) || host.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    private static String haystack(NewComment c) {
        return String.join(
                        "\n",
                        c.text(),
                        c.name(),
                        c.email(),
                        nullToEmpty(c.website()),
                        nullToEmpty(c.visitor().ip()),
                        nullToEmpty(c.visitor().userAgent()))
                .toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
