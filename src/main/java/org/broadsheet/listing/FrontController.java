package org.broadsheet.listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.Teaser;
import org.broadsheet.web.JsonLd;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.PageMetadata;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The front page: the lead story, the next top stories, and a block per section. */
@Controller
record FrontController(ArticleReader reader, Layouts layouts, SiteUrls urls) {

    static final int TOP_STORIES = 6;
    static final int PER_SECTION = 4;
    /** Stories read beyond the lead and the top ones, so a lead with a picture is usually among them. */
    private static final int LEAD_CANDIDATES = 10;

    @GetMapping("/")
    ModelAndView home() {
        var settings = layouts.settings();
        var layout = layouts.page(settings.name(), settings.tagline(), urls.home(), null)
                .withMeta(PageMetadata.website(List.of(JsonLd.of(webSite(settings.name())))));
        FrontPage front = reader.assembled("front", this::front);
        PageTags.inList(PageTags.FRONT); // any story change drops it: no need to name each story
        var page = new HomePage(layout, settings.name() + ": top stories", front, urls.archive(1));
        return new ModelAndView("listing/front", Map.of("page", page));
    }

    /** The site for search engines: its name, address, and how to search it. */
    private Map<String, Object> webSite(String name) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("@context", "https://schema.org");
        site.put("@type", "WebSite");
        site.put("name", name);
        site.put("url", urls.absolute(urls.home()));
        site.put(
                "potentialAction",
                Map.of(
                        "@type", "SearchAction",
                        "target",
                                Map.of(
                                        "@type",
                                        "EntryPoint",
                                        "urlTemplate",
                                        urls.absolute(urls.search()) + "?q={search_term_string}"),
                        "query-input", "required name=search_term_string"));
        return site;
    }

    /** Read anew only when the stories or the taxonomies change (see {@link ArticleReader#assembled}). */
    private FrontPage front() {
        List<Teaser> newest = reader.newest(TOP_STORIES + 1 + LEAD_CANDIDATES);
        if (newest.isEmpty()) {
            return FrontPage.empty();
        }
        Teaser lead = FrontPage.lead(newest);
        List<Teaser> top =
                newest.stream().filter(t -> t != lead).limit(TOP_STORIES).toList();
        List<Teaser> rest = reader.newestPerSection(FrontPage.shown(lead, top), PER_SECTION);
        return new FrontPage(lead, top, FrontPage.blocks(rest));
    }
}
