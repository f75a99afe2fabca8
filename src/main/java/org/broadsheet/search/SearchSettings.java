package org.broadsheet.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the site searches ({@code broadsheet.search.*}).
 *
 * @param language the language whose word forms are one word ("election", "elections"): one of
 *                 PostgreSQL's stemming languages ({@code english}, {@code french}, {@code german}, …)
 *                 or {@code simple} (no stemming). Changing it re-indexes every story once, on the
 *                 next start; every node of a site must say the same
 * @param halfLife how fast a story's recency bonus fades: a story this old gets half the bonus of
 *                 one published now (see "Search" in {@code docs/DESIGN.md})
 * @param perPage  results per page
 * @param cacheTtl how long a page of results may be kept in memory; any change to public stories
 *                 forgets them all at once, on every node. {@code 0} keeps none
 * @param keepRelated whether an article's related stories, once worked out, are kept until a
 *                 change to a story they concern; {@code false} works them out again for every
 *                 page (to measure the page with every cache off)
 */
@ConfigurationProperties("broadsheet.search")
public record SearchSettings(
        @DefaultValue("english") String language,
        @DefaultValue("30d") Duration halfLife,
        @DefaultValue("10") int perPage,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("true") boolean keepRelated) {

    public SearchSettings {
        if (!language.matches("[a-z]{1,40}")) {
            throw new IllegalArgumentException(
                    "broadsheet.search.language must be a PostgreSQL text-search language such as english, not "
                            + language);
        }
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("broadsheet.search.half-life must be positive");
        }
        if (perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("broadsheet.search.per-page must be between 1 and 100");
        }
    }

    /** The text-search configuration that V12 made for the language: accent-insensitive, stemming. */
    String configuration() {
        return configuration(language);
    }

    static String configuration(String language) {
        return "broadsheet_" + language;
    }
}
