package org.broadsheet.listing;

import java.util.Map;
import java.util.function.IntFunction;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.Slice;
import org.broadsheet.article.Teaser;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.Layout;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.Pagination;
import org.broadsheet.web.Redirects;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages that list stories newest first: the archive ({@code /page/n}), sections, tags and
 * authors. The first page of a section, tag or author has no {@code /page/1} form; that
 * form answers 301. A page past the last one answers 404.
 */
@Controller
class ListController {

    private static final String SLUG = "{slug:[a-z0-9-]{1,120}}";

    private final ArticleReader reader;
    private final SectionService sections;
    private final TagService tags;
    private final AuthorService authors;
    private final Layouts layouts;
    private final SiteUrls urls;
    private final int pageSize;

    ListController(
            ArticleReader reader,
            SectionService sections,
            TagService tags,
            AuthorService authors,
            Layouts layouts,
            SiteUrls urls) {
        this.reader = reader;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.layouts = layouts;
        this.urls = urls;
        this.pageSize = layouts.settings().pageSize();
    }

    @GetMapping("/page/{page}")
    ModelAndView archive(@PathVariable String page) {
        int n = PageNumber.parse(page);
        Slice slice = reader.latest(n, pageSize);
        String title = n == 1 ? "All stories" : "All stories, page " + n;
        Layout layout = layouts.page(title, "Every story, newest first.", urls.archive(n), null);
        PageTags.inList(PageTags.ARCHIVE);
        return list(layout, ListPage.Heading.of(null, "All stories"), slice, n, urls::archive, true);
    }

    @GetMapping({"/{section:[a-z0-9-]{1,120}}", "/{section:[a-z0-9-]{1,120}}/page/{page}"})
    ModelAndView section(@PathVariable String section, @PathVariable(required = false) String page) {
        return paged(page, urls.section(section), n -> sectionPage(section, n));
    }

    private ModelAndView sectionPage(String slug, int n) {
        Section section = sections.findBySlug(slug).orElseThrow(() -> new NotFoundException("No section " + slug));
        Slice slice = reader.latestInSection(section.id(), n, pageSize);
        Layout layout = layouts.withListFeeds(
                layouts.page(titled(section.name(), n), section.description(), urls.section(slug, n), slug),
                section.name(),
                urls.section(slug));
        var heading = new ListPage.Heading("Section", section.name(), null, section.description(), null);
        PageTags.inList(PageTags.list(urls.section(slug)));
        return list(layout, heading, slice, n, p -> urls.section(slug, p), false);
    }

    @GetMapping({"/tag/" + SLUG, "/tag/" + SLUG + "/page/{page}"})
    ModelAndView tag(@PathVariable String slug, @PathVariable(required = false) String page) {
        return paged(page, urls.tag(slug), n -> tagPage(slug, n));
    }

    private ModelAndView tagPage(String slug, int n) {
        Tag tag = tags.findBySlug(slug).orElseThrow(() -> new NotFoundException("No tag " + slug));
        Slice slice = reader.latestWithTag(tag.id(), n, pageSize);
        String description = tag.description().isBlank() ? "Stories about " + tag.name() + "." : tag.description();
        Layout layout = layouts.withListFeeds(
                layouts.page(titled(tag.name(), n), description, urls.tag(slug, n), null), tag.name(), urls.tag(slug));
        var heading = new ListPage.Heading(tag.kindLabel(), tag.name(), null, blankToNull(tag.description()), null);
        PageTags.inList(PageTags.list(urls.tag(slug)));
        return list(layout, heading, slice, n, p -> urls.tag(slug, p), true);
    }

    @GetMapping({"/author/" + SLUG, "/author/" + SLUG + "/page/{page}"})
    ModelAndView author(@PathVariable String slug, @PathVariable(required = false) String page) {
        return paged(page, urls.author(slug), n -> authorPage(slug, n));
    }

    private ModelAndView authorPage(String slug, int n) {
        Author author = authors.findBySlug(slug).orElseThrow(() -> new NotFoundException("No author " + slug));
        Slice slice = reader.latestByAuthor(author.id(), n, pageSize);
        String description = author.bio().isBlank() ? "Stories by " + author.name() + "." : author.bio();
        Layout layout = layouts.withListFeeds(
                layouts.page(titled(author.name(), n), description, urls.author(slug, n), null),
                author.name(),
                urls.author(slug));
        var heading = new ListPage.Heading(
                "Author", author.name(), blankToNull(author.title()), blankToNull(author.bio()), author.photo());
        PageTags.inList(PageTags.list(urls.author(slug)));
        return list(layout, heading, slice, n, p -> urls.author(slug, p), true);
    }

    /** No page in the URL means page 1; an explicit page 1 answers 301 to the URL without it. */
    private static ModelAndView paged(@Nullable String page, String firstPageUrl, IntFunction<ModelAndView> render) {
        if (page == null) {
            return render.apply(1);
        }
        int n = PageNumber.parse(page);
        return n == 1 ? Redirects.permanent(firstPageUrl) : render.apply(n);
    }

    private ModelAndView list(
            Layout layout,
            ListPage.Heading heading,
            Slice slice,
            int n,
            IntFunction<String> pageUrl,
            boolean showSection) {
        if (n > 1 && slice.items().isEmpty()) {
            throw new NotFoundException("Past the last page: " + n);
        }
        PageTags.stories(slice.items().stream().map(Teaser::id).toList());
        var pagination = Pagination.of(n, slice.hasOlder(), pageUrl);
        return new ModelAndView(
                "listing/list", Map.of("page", new ListPage(layout, heading, slice.items(), pagination, showSection)));
    }

    private static String titled(String name, int page) {
        return page == 1 ? name : name + ", page " + page;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
