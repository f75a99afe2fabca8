package org.broadsheet.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.Term;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reads the query parameters of list requests; each one that cannot be understood is a 400 naming it. */
@Component
record ApiFilters(SectionService sections, TagService tags, AuthorService authors) {

    @Nullable
    Long section(@Nullable String slug) {
        return slug == null
                ? null
                : id("section", sections.findBySlug(slug).map(Term::id).orElse(null));
    }

    @Nullable
    Long tag(@Nullable String slug) {
        return slug == null
                ? null
                : id("tag", tags.findBySlug(slug).map(Term::id).orElse(null));
    }

    @Nullable
    Long author(@Nullable String slug) {
        return slug == null
                ? null
                : id("author", authors.findBySlug(slug).map(Term::id).orElse(null));
    }

    private static Long id(String parameter, @Nullable Long found) {
        if (found == null) {
            throw ApiException.badParameter(parameter, "No " + parameter + " has this slug");
        }
        return found;
    }

    /** An ISO-8601 date and time with its offset ({@code 2026-11-27T14:05:00Z}), or null for none given. */
    static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            // A "+" left unencoded in a query arrives as a space: read it as the offset it meant.
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(
                    parameter, "Give an ISO-8601 date and time with an offset, such as 2026-11-27T14:05:00Z");
        }
    }

    /** How many items a page holds: {@code fallback} when not given, else 1 to {@code max}. */
    static int limit(@Nullable String value, int fallback, int max) {
        return number("limit", value, fallback, max);
    }

    /** A whole number from 1 to {@code max}: {@code fallback} when not given. */
    static int number(String parameter, @Nullable String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the refusal below says what is allowed
        }
        throw ApiException.badParameter(parameter, "Give a whole number from 1 to " + max);
    }
}
