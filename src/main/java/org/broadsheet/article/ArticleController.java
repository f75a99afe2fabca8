package org.broadsheet.article;

import java.util.Map;

import org.broadsheet.web.Layouts;
import org.broadsheet.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The article page. Any path that names an article by a current or former slug lands on its permalink. */
@Controller
class ArticleController {

    private final ArticleReader reader;
    private final Layouts layouts;

    ArticleController(ArticleReader reader, Layouts layouts) {
        this.reader = reader;
        this.layouts = layouts;
    }

    @GetMapping("/{section:[a-z0-9-]{1,120}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}")
    ModelAndView article(@PathVariable String section, @PathVariable String year, @PathVariable String month,
                         @PathVariable String day, @PathVariable String slug) {
        ArticleView article = reader.findBySlug(slug).orElseThrow(() -> new NotFoundException("No article " + slug));
        String requested = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        if (!requested.equals(article.url())) {
            return permanentRedirect(article.url());
        }
        var layout = layouts.page(article.headline(), article.standfirst(), article.url(), article.sectionSlug());
        return new ModelAndView("article/article",
                Map.of("page", new ArticlePage(layout, article, reader.moreFromSection(article))));
    }

    static ModelAndView permanentRedirect(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
