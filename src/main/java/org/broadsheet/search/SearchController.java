package org.broadsheet.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.search.SearchPage.SectionChoice;
import org.broadsheet.search.SearchResults.Outcome;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.web.ErrorPages;
import org.broadsheet.web.FormInput;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The search page, {@code /search}. Whatever is typed gets a page: nothing to search for, a
 * date that is not one, an unknown section or text cut to {@link SearchText#MAX_LENGTH} are said
 * on the page (200); only a request whose text is not valid UTF-8 is refused (400). Page numbers
 * are read as on every reader list: one that is not a number, or past the last page, is a 404.
 * Search pages are {@code noindex} and cacheable like other reader pages (each search is its own
 * address).
 */
@Controller
record SearchController(
        SearchService search, SectionService sections, Layouts layouts, SiteUrls urls, ErrorPages errors) {

    @GetMapping("/search")
    ModelAndView search(SearchForm form, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex");
        PageTags.add(PageTags.SEARCH);
        if (!readable(request)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            return errors.render(
                    HttpStatus.BAD_REQUEST,
                    "Search not understood",
                    "The search could not be read: it was not sent as UTF-8 text. Type it again in the search box.");
        }
        int page = form.page() == null || form.page().isBlank()
                ? 1
                : PageNumber.parse(form.page().strip());
        List<String> notes = new ArrayList<>();
        SearchText text = SearchText.of(form.q());
        if (text.cut()) {
            notes.add("Your search was cut to its first " + SearchText.MAX_LENGTH + " characters.");
        }
        Section section = section(form.section(), notes);
        LocalDate from = SearchForm.day(form.from(), "From", notes);
        LocalDate to = SearchForm.day(form.to(), "To", notes);
        if (from != null && to != null && from.isAfter(to)) {
            notes.add("The dates were left out: “From” (" + from + ") is after “To” (" + to + ").");
            from = null;
            to = null;
        }
        var query = new SearchQuery(text, section == null ? null : section.id(), from, to, page);
        SearchResults results = search.search(query);
        if (page > 1 && results.hits().isEmpty()) {
            throw new NotFoundException("No page " + page + " of results for " + text.text());
        }
        return new ModelAndView("search/search", Map.of("page", page(query, section, notes, results)));
    }

    /** False when the request's parameters could not be decoded, or decoded only by replacing bytes (U+FFFD). */
    private static boolean readable(HttpServletRequest request) {
        if (request.getAttribute(FormInput.PARSE_FAILED) != null) {
            return false;
        }
        return request.getParameterMap().values().stream()
                .flatMap(java.util.Arrays::stream)
                .noneMatch(value -> value.indexOf('\uFFFD') >= 0);
    }

    private @Nullable Section section(@Nullable String slug, List<String> notes) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        Section section = sections.findBySlug(slug.strip()).orElse(null);
        if (section == null) {
            notes.add("The section filter was left out: there is no section “" + SearchForm.shortened(slug.strip())
                    + "”.");
        }
        return section;
    }

    private SearchPage page(SearchQuery query, @Nullable Section section, List<String> notes, SearchResults results) {
        String q = query.text().text();
        String sectionSlug = section == null ? "" : section.slug();
        String from = query.from() == null ? "" : query.from().toString();
        String to = query.to() == null ? "" : query.to().toString();
        String title = q.isEmpty() ? "Search" : "Search: " + q + (query.page() > 1 ? ", page " + query.page() : "");
        Layout layout = layouts.page(
                title, "Search the stories of " + layouts.settings().name() + ".", null, null);
        List<SectionChoice> choices = sections.all().stream()
                .map(s -> new SectionChoice(s.slug(), s.name(), s.slug().equals(sectionSlug)))
                .toList();
        Pagination pagination =
                Pagination.of(query.page(), results.hasNext(), n -> urls.search(q, sectionSlug, from, to, n));
        return new SearchPage(
                layout,
                q,
                from,
                to,
                choices,
                notes,
                hint(results, q, section != null || from.length() + to.length() > 0),
                summary(results, q),
                results,
                pagination,
                SearchText.MAX_LENGTH);
    }

    private static @Nullable String hint(SearchResults results, String q, boolean filtered) {
        return switch (results.outcome()) {
            case EMPTY ->
                "Type a word or two to find stories about them. Put a phrase in quotes (\"central bank\"),"
                        + " a minus before a word to leave it out (-mexico), and or between words to find either.";
            case NO_WORDS ->
                "“" + q + "” holds only words too common to search for, or punctuation."
                        + " Try a more particular word.";
            case ONLY_EXCLUDED ->
                "A search needs a word to look for: words after a minus sign (-) are only left out."
                        + " Add a word without a minus.";
            case TOO_SLOW ->
                "This search took too long and was stopped. Phrases of very common words are the slowest:"
                        + " try fewer words, a rarer word, or a section or dates.";
            case SEARCHED ->
                results.hits().isEmpty()
                        ? "Check the spelling, try fewer or other words"
                                + (filtered ? ", or search without the filters." : ".")
                        : null;
        };
    }

    private static @Nullable String summary(SearchResults results, String q) {
        if (results.outcome() != Outcome.SEARCHED) {
            return null;
        }
        if (results.total() == 0) {
            return "No stories match “" + q + "”.";
        }
        if (results.capped()) {
            return String.format(
                    "More than %,d stories match “%s”. The newest %,d are shown, best first: add a word or a filter to narrow the search.",
                    results.total(), q, results.total());
        }
        return String.format(
                "%,d %s “%s”.", results.total(), results.total() == 1 ? "story matches" : "stories match", q);
    }
}
