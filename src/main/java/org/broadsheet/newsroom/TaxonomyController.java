package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Taxonomies;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.taxonomy.TermService;
import org.broadsheet.taxonomy.TermSummary;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.TextSearch;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sections, tags and authors, for staff who keep the site's structure, on one set of pages
 * per taxonomy: the list (sections in navigation order, moved up and down one place at a time;
 * tags searched and paged; authors by name), a new term, a term's own page to change it, and
 * deleting one no article uses. Readers see every change on their next page.
 */
@Controller
record TaxonomyController(NewsroomPages pages, Taxonomies taxonomies, SectionService sections) {

    private static final String LIST = NewsroomUrls.HOME + "/{plural:sections|tags|authors}";
    private static final String TERM = LIST + "/" + NewsroomUrls.ID;
    private static final int PAGE_SIZE = 50;

    @GetMapping(LIST)
    ModelAndView list(
            Staff staff,
            @PathVariable String plural,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String page) {
        staff.require(Permission.MANAGE_TAXONOMY);
        TermScreen screen = screen(plural);
        // Only tags are searched and paged; the others ignore both.
        boolean paged = screen.searchable() && page != null && !page.isBlank();
        int n = paged ? PageNumber.parse(page) : 1;
        String search = screen.searchable() ? TextSearch.normalise(q) : null;
        return listPage(staff, screen, search, n, StaffForm.of(Map.of("kind", "topic")));
    }

    @PostMapping(LIST)
    ModelAndView create(Staff staff, @PathVariable String plural, TermForm form) {
        staff.require(Permission.MANAGE_TAXONOMY);
        TermScreen screen = screen(plural);
        return pages.submit(
                form,
                () -> done(screen, service(screen).create(form), "added"),
                refused -> listPage(staff, screen, null, 1, refused));
    }

    @GetMapping(TERM)
    ModelAndView edit(Staff staff, @PathVariable String plural, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        TermScreen screen = screen(plural);
        Term term = find(screen, id);
        return editPage(staff, screen, term, StaffForm.of(term.form()));
    }

    @PostMapping(TERM)
    ModelAndView update(Staff staff, @PathVariable String plural, @PathVariable long id, TermForm form) {
        staff.require(Permission.MANAGE_TAXONOMY);
        TermScreen screen = screen(plural);
        Term term = find(screen, id);
        return pages.submit(
                form,
                () -> done(screen, service(screen).update(id, form), "saved"),
                refused -> editPage(staff, screen, term, refused));
    }

    /** A term in use is not deleted: its page again, 422, saying why. */
    @PostMapping(TERM + "/delete")
    ModelAndView delete(Staff staff, @PathVariable String plural, @PathVariable long id) {
        staff.require(Permission.MANAGE_TAXONOMY);
        TermScreen screen = screen(plural);
        Term term = find(screen, id);
        return pages.submit(
                term.form(),
                () -> {
                    service(screen).delete(id);
                    return done(screen, term, "deleted");
                },
                refused -> editPage(staff, screen, term, refused.asProblem()));
    }

    @PostMapping(NewsroomUrls.HOME + "/sections/" + NewsroomUrls.ID + "/move-{direction:up|down}")
    ModelAndView move(Staff staff, @PathVariable long id, @PathVariable String direction) {
        staff.require(Permission.MANAGE_TAXONOMY);
        Term section = find(TermScreen.SECTIONS, id);
        if (direction.equals("up")) {
            sections.moveUp(id);
        } else {
            sections.moveDown(id);
        }
        return pages.redirect(
                NewsroomUrls.terms(Taxonomy.SECTION.plural()), "“" + section.name() + "” moved " + direction + ".");
    }

    private ModelAndView listPage(Staff staff, TermScreen screen, String search, int page, StaffForm form) {
        TermService<?> service = service(screen);
        ResultPage<? extends TermSummary<?>> found =
                screen.searchable() ? service.list(search, page, PAGE_SIZE) : service.list(null, 1, Integer.MAX_VALUE);
        if (page > found.pages()) {
            throw new NotFoundException(
                    "Past the last page of " + screen.taxonomy().plural() + ": " + page);
        }
        List<TermsView.Row> rows = rows(screen, found.items());
        String url = NewsroomUrls.terms(screen.taxonomy().plural());
        Pagination pagination = found.pagination(p -> NewsroomUrls.search(url, search, p));
        var view = new TermsView(
                screen,
                rows,
                screen.caption(found.total(), found.page(), found.pages()),
                search,
                pagination,
                form,
                screen.fields(true));
        return pages.render(
                staff,
                "newsroom/taxonomy/list",
                screen.title(),
                screen.taxonomy().plural(),
                view);
    }

    private List<TermsView.Row> rows(TermScreen screen, List<? extends TermSummary<?>> summaries) {
        int last = summaries.size() - 1;
        return IntStream.rangeClosed(0, last)
                .mapToObj(i -> row(screen, summaries.get(i), i == 0, i == last))
                .toList();
    }

    private TermsView.Row row(TermScreen screen, TermSummary<?> s, boolean first, boolean last) {
        return new TermsView.Row(
                s.term().id(),
                s.term().name(),
                NewsroomUrls.term(screen.taxonomy().plural(), s.term().id()),
                service(screen).readerUrl(s.term().slug()),
                screen.detail(s.term()),
                s.articles(),
                first,
                last);
    }

    private ModelAndView editPage(Staff staff, TermScreen screen, Term term, StaffForm form) {
        String url = NewsroomUrls.term(screen.taxonomy().plural(), term.id());
        var view = new TermView(screen, term, url, service(screen).readerUrl(term.slug()), form, screen.fields(false));
        return pages.render(
                staff, "newsroom/taxonomy/edit", term.name(), screen.taxonomy().plural(), view);
    }

    private ModelAndView done(TermScreen screen, Term term, String what) {
        return pages.redirect(
                NewsroomUrls.terms(screen.taxonomy().plural()),
                screen.taxonomy().label() + " " + screen.named(term) + " " + what + ".");
    }

    private TermScreen screen(String plural) {
        return TermScreen.of(Taxonomy.fromPlural(plural).orElseThrow(() -> new NotFoundException(plural)));
    }

    private TermService<?> service(TermScreen screen) {
        return taxonomies.of(screen.taxonomy());
    }

    private Term find(TermScreen screen, long id) {
        return service(screen)
                .findById(id)
                .orElseThrow(
                        () -> new NotFoundException("No " + screen.taxonomy().label() + " " + id));
    }
}
