package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import org.broadsheet.web.Problems;

/**
 * The rules for reader comments that an administrator may change while the site runs.
 * Field meanings as in {@link CommentSettings}; zero turns off the flood limits and the
 * automatic closing.
 */
public record CommentPolicy(
        Moderation moderation,
        int maxLinks,
        List<String> moderationWords,
        List<String> blocklist,
        Duration minFormTime,
        Duration floodInterval,
        int floodPerHour,
        int closeAfterDays,
        int maxDepth,
        int perPage,
        int retainIpDays) {

    public CommentPolicy {
        moderationWords = clean(moderationWords);
        blocklist = clean(blocklist);
    }

    private static List<String> clean(List<String> entries) {
        return entries == null
                ? List.of()
                : entries.stream()
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .distinct()
                        .toList();
    }

    void validate() {
        check(new Problems()).throwIfAny();
    }

    /**
     * Adds the rules this policy breaks to {@code problems}, after those already there (a
     * form's own problems with a field, such as text that is not a number, come first).
     */
    public Problems check(Problems problems) {
        return problems.require(moderation != null, "moderation", "Choose which comments are held for moderation")
                .require(maxLinks >= 0 && maxLinks <= 100, "maxLinks", "Links allowed must be between 0 and 100")
                .require(moderationWords.size() <= 1000, "moderationWords", "At most 1,000 moderation words")
                .require(blocklist.size() <= 5000, "blocklist", "At most 5,000 blocklist entries")
                .require(
                        inRange(minFormTime, Duration.ofMinutes(10)),
                        "minFormTime",
                        "The least time to fill in the form must be between 0 and 10 minutes")
                .require(
                        inRange(floodInterval, Duration.ofDays(1)),
                        "floodInterval",
                        "The least time between comments must be between 0 and 1 day")
                .require(
                        floodPerHour >= 0 && floodPerHour <= 100_000,
                        "floodPerHour",
                        "Comments per hour must be between 0 (no limit) and 100,000")
                .require(
                        closeAfterDays >= 0 && closeAfterDays <= 36_500,
                        "closeAfterDays",
                        "Days before comments close must be between 0 (never) and 36,500")
                .require(maxDepth >= 1 && maxDepth <= 10, "maxDepth", "Reply depth must be between 1 and 10")
                .require(perPage >= 1 && perPage <= 500, "perPage", "Comments per page must be between 1 and 500")
                .require(
                        retainIpDays >= 1 && retainIpDays <= 3650,
                        "retainIpDays",
                        "Days to keep IP addresses must be between 1 and 3,650");
    }

    private static boolean inRange(Duration value, Duration max) {
        return value != null && !value.isNegative() && value.compareTo(max) <= 0;
    }
}
