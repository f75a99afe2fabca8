package org.broadsheet.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.search.SearchRepository.Filters;
import org.broadsheet.search.SearchRepository.HitRow;
import org.broadsheet.search.SearchRepository.ParsedQuery;
import org.broadsheet.search.SearchRepository.Window;
import org.broadsheet.search.SearchResults.Outcome;
import org.broadsheet.web.Dates;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;

/**
 * Full-text search of public stories: published ones whose time has come, never drafts,
 * scheduled, embargoed or unpublished stories.
 *
 * <p>The text is read by PostgreSQL's {@code websearch_to_tsquery}, which takes any text without
 * error: words (all of them must match, in any form of the word: "elections" finds "election";
 * accents do not matter: "cafe" finds "café"), {@code "a phrase"}, {@code -word} to leave out,
 * {@code or}. Stories are ranked by relevance (a headline match counts most, then the standfirst
 * and tags, then the body) times a recency bonus (see "Search" in {@code docs/DESIGN.md}); only the
 * newest {@link #MAX_RESULTS} matching stories are ranked. Thread-safe.
 *
 * <pre>
 * SearchResults found = search.search(SearchQuery.of("\"central bank\" -mexico"));
 * </pre>
 */
@Service
public class SearchService {

    /** The most stories a search ranks: the newest that match. More are counted as "more than". */
    public static final int MAX_RESULTS = 200;

    private static final Pattern LEXEME = Pattern.compile("(!?)'((?:[^']|'')+)'");

    private final SearchRepository repository;
    private final SearchSettings settings;
    private final SearchCache cache;
    private final SiteUrls urls;
    private final Dates dates;
    private final ZoneId zone;

    SearchService(
            SearchRepository repository,
            SearchSettings settings,
            SearchCache cache,
            SiteUrls urls,
            Dates dates,
            SiteSettings site) {
        this.repository = repository;
        this.settings = settings;
        this.cache = cache;
        this.urls = urls;
        this.dates = dates;
        this.zone = site.timeZone();
    }

    /**
     * The page of public stories matching {@code query}, best first; an outcome other than
     * {@link Outcome#SEARCHED} when the text holds nothing to search for. A page past the last
     * has no hits.
     */
    public SearchResults search(SearchQuery query) {
        int perPage = settings.perPage();
        if (query.text().isEmpty()) {
            return SearchResults.nothing(Outcome.EMPTY, perPage);
        }
        ParsedQuery parsed =
                cache.parsed(query.text().text(), text -> repository.parse(settings.configuration(), text));
        if (parsed.terms() == 0) {
            return SearchResults.nothing(Outcome.NO_WORDS, perPage);
        }
        if (!parsed.indexable()) {
            return SearchResults.nothing(Outcome.ONLY_EXCLUDED, perPage);
        }
        long offset = (long) (query.page() - 1) * perPage;
        if (offset >= MAX_RESULTS) {
            return new SearchResults(Outcome.SEARCHED, List.of(), 0, false, query.page(), perPage);
        }
        var key = new SearchCache.Key(parsed.tsquery(), query.sectionId(), query.from(), query.to(), query.page());
        try {
            return cache.results(key, k -> run(parsed, query, offset));
        } catch (QueryTimeoutException e) {
            return SearchResults.nothing(Outcome.TOO_SLOW, perPage);
        }
    }

    private SearchResults run(ParsedQuery parsed, SearchQuery query, long offset) {
        var filters = new Filters(
                query.sectionId(),
                startOf(query.from()),
                startOf(query.to() == null ? null : query.to().plusDays(1)));
        var window = new Window(
                MAX_RESULTS, settings.perPage(), offset, settings.halfLife().toSeconds());
        List<HitRow> rows =
                repository.search(settings.configuration(), parsed, prefixes(parsed.tsquery()), filters, window);
        int found = rows.isEmpty() ? 0 : rows.get(0).total();
        List<SearchHit> hits = rows.stream().map(this::hit).toList();
        return new SearchResults(
                Outcome.SEARCHED,
                hits,
                Math.min(found, MAX_RESULTS),
                found > MAX_RESULTS,
                query.page(),
                settings.perPage());
    }

    private java.time.@Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private SearchHit hit(HitRow row) {
        return new SearchHit(
                row.id(),
                urls.article(row.sectionSlug(), row.publishedAt(), row.slug()),
                row.headline(),
                row.sectionName(),
                urls.section(row.sectionSlug()),
                dates.of(row.publishedAt()),
                row.authorNames(),
                Snippet.parse(row.snippet()));
    }

    /**
     * The beginnings of the words the query looks for (not those it leaves out): a stem
     * ("countri") less its last letter also starts the word's other forms ("country"). Used only
     * to choose which part of a long body the snippet is made from: around the first word that
     * starts with one of them (or one of them capitalised).
     */
    static List<String> prefixes(String tsquery) {
        List<String> prefixes = new ArrayList<>();
        Matcher m = LEXEME.matcher(tsquery);
        while (m.find()) {
            String lexeme = m.group(2).replace("''", "'");
            if (m.group(1).isEmpty()) {
                prefixes.add(lexeme.length() >= 5 ? lexeme.substring(0, lexeme.length() - 1) : lexeme);
            }
        }
        return prefixes.stream().distinct().toList();
    }
}
