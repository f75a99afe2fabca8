package org.broadsheet.home;

import java.util.Map;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The front page: the lead story, the next top stories, and a block per section. */
@Controller
class HomeController {

    static final int TOP_STORIES = 6;
    static final int PER_SECTION = 4;

    private final ArticleReader reader;
    private final Layouts layouts;
    private final SiteUrls urls;

    HomeController(ArticleReader reader, Layouts layouts, SiteUrls urls) {
        this.reader = reader;
        this.layouts = layouts;
        this.urls = urls;
    }

    @GetMapping("/")
    ModelAndView home() {
        var settings = layouts.settings();
        var layout = layouts.page(settings.name(), settings.tagline(), urls.home(), null);
        var page = new HomePage(
                layout, settings.name() + ": top stories", reader.front(TOP_STORIES, PER_SECTION), urls.archive(1));
        return new ModelAndView("home/home", Map.of("page", page));
    }
}
