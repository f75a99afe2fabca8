package org.broadsheet.article;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Redirects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The article page. Any path that names an article by a current or former slug lands on its permalink. */
@Controller
record ArticleController(ArticleReader reader, ArticlePages pages) {

    /**
     * The path's parts come as one map: as five {@code String} parameters, each went through
     * Spring's conversion service (String to String, its cache keyed by the parameter's
     * annotations), about a twentieth of the Java time of a page rendered with every cache off.
     */
    @GetMapping("/{section:[a-z0-9-]{1,120}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}")
    ModelAndView article(
            @PathVariable Map<String, String> path, HttpServletRequest request, HttpServletResponse response) {
        String slug = path.get("slug");
        ArticleView article = reader.findBySlug(slug).orElseThrow(() -> new NotFoundException("No article " + slug));
        String requested = "/" + path.get("section") + "/" + path.get("year") + "/" + path.get("month") + "/"
                + path.get("day") + "/" + slug;
        if (!requested.equals(article.url())) {
            return Redirects.permanent(article.url());
        }
        return pages.render(article, request, response);
    }
}
