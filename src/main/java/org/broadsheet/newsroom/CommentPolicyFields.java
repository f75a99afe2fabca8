package org.broadsheet.newsroom;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.broadsheet.comment.CommentPolicy;
import org.broadsheet.comment.Moderation;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ValidationException;

/**
 * The comment policy form as typed: numbers as text, so that one that is not a whole number
 * comes back beside its field like any other problem; word lists one entry a line; times in
 * seconds.
 */
record CommentPolicyFields(
        String moderation,
        String maxLinks,
        String moderationWords,
        String blocklist,
        String minFormTime,
        String floodInterval,
        String floodPerHour,
        String closeAfterDays,
        String maxDepth,
        String perPage,
        String retainIpDays) {

    /** The form showing {@code policy}. */
    static CommentPolicyFields of(CommentPolicy policy) {
        return new CommentPolicyFields(
                policy.moderation().key(),
                Integer.toString(policy.maxLinks()),
                String.join("\n", policy.moderationWords()),
                String.join("\n", policy.blocklist()),
                Long.toString(policy.minFormTime().toSeconds()),
                Long.toString(policy.floodInterval().toSeconds()),
                Integer.toString(policy.floodPerHour()),
                Integer.toString(policy.closeAfterDays()),
                Integer.toString(policy.maxDepth()),
                Integer.toString(policy.perPage()),
                Integer.toString(policy.retainIpDays()));
    }

    /**
     * The policy typed.
     *
     * @throws ValidationException with every problem: a field that is not a whole number says
     *     so (and only that), every other field each rule of the policy it breaks
     */
    CommentPolicy policy() {
        Problems problems = new Problems();
        CommentPolicy policy = new CommentPolicy(
                Moderation.fromKey(moderation).orElse(null),
                number(maxLinks, "maxLinks", problems),
                lines(moderationWords),
                lines(blocklist),
                Duration.ofSeconds(number(minFormTime, "minFormTime", problems)),
                Duration.ofSeconds(number(floodInterval, "floodInterval", problems)),
                number(floodPerHour, "floodPerHour", problems),
                number(closeAfterDays, "closeAfterDays", problems),
                number(maxDepth, "maxDepth", problems),
                number(perPage, "perPage", problems),
                number(retainIpDays, "retainIpDays", problems));
        // A field that is not a number also breaks its range (-1 is in none): the first problem per field is shown.
        policy.check(problems).throwIfAny();
        return policy;
    }

    /** A whole number as typed; anything else is a problem, and -1 (out of every range) stands in for it. */
    private static int number(String value, String field, Problems problems) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            problems.require(false, field, "Enter a whole number");
            return -1;
        }
    }

    /** One entry per line. */
    private static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.asList(value.split("\\R"));
    }
}
