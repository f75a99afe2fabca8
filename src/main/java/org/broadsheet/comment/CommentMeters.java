package org.broadsheet.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.broadsheet.web.ValidationException;
import org.springframework.stereotype.Component;

/**
 * What became of readers' comments (the form and the API alike):
 * {@code broadsheet.comments.posted{status=approved|pending|spam}} for those stored and
 * {@code broadsheet.comments.refused{reason=closed|flood|duplicate|invalid}} for those not. Every
 * series exists from the start at zero, so that a rate can be taken before the first comment.
 */
@Component
class CommentMeters {

    private final Map<CommentStatus, Counter> posted = new EnumMap<>(CommentStatus.class);
    private final Counter closed;
    private final Counter flood;
    private final Counter duplicate;
    private final Counter invalid;

    CommentMeters(MeterRegistry registry) {
        for (CommentStatus status : CommentStatus.values()) {
            posted.put(
                    status,
                    Counter.builder("broadsheet.comments.posted")
                            .description("Readers' comments stored, by the status they got")
                            .tag("status", status.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        closed = refused(registry, "closed");
        flood = refused(registry, "flood");
        duplicate = refused(registry, "duplicate");
        invalid = refused(registry, "invalid");
    }

    private static Counter refused(MeterRegistry registry, String reason) {
        return Counter.builder("broadsheet.comments.refused")
                .description("Readers' comments refused, nothing stored")
                .tag("reason", reason)
                .register(registry);
    }

    void posted(CommentStatus status) {
        posted.get(status).increment();
    }

    void refused(RuntimeException why) {
        if (why instanceof CommentRefused.Closed) {
            closed.increment();
        } else if (why instanceof CommentRefused.Flood) {
            flood.increment();
        } else if (why instanceof CommentRefused.Duplicate) {
            duplicate.increment();
        } else if (why instanceof ValidationException) {
            invalid.increment();
        }
    }
}
