package org.broadsheet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.broadsheet.search.SearchQuery;
import org.broadsheet.search.SearchResults;
import org.broadsheet.search.SearchService;
import org.broadsheet.search.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search of public stories through {@link SearchService}, best first. Results are
 * ranked up to {@link SearchService#MAX_RESULTS}, so pages are numbered ({@code page}) rather
 * than walked by cursor; {@code next} and the {@code Link} header give the next one.
 */
@RestController
record SearchApi(SearchService search, ApiFilters filters, ApiViews views, ApiLinks links) {

    private static final int MAX_PAGE = SearchService.MAX_RESULTS;

    @GetMapping(ApiPaths.SEARCH)
    ApiJson.SearchResults find(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            HttpServletResponse response) {
        int number = ApiFilters.number("page", page, 1, MAX_PAGE);
        SearchResults results =
                search.search(new SearchQuery(SearchText.of(q), filters.section(section), null, null, number));
        String next = results.hasNext() ? links.next(request, response, "page", Integer.toString(number + 1)) : null;
        return new ApiJson.SearchResults(
                results.outcome().name().toLowerCase(Locale.ROOT),
                results.total(),
                results.capped(),
                results.hits().stream()
                        .map(hit -> new ApiJson.SearchHit(
                                hit.id(),
                                views.urls().absolute(hit.url()),
                                hit.headline(),
                                hit.sectionName(),
                                hit.authors(),
                                hit.published().iso(),
                                hit.snippet().text()))
                        .toList(),
                next);
    }
}
