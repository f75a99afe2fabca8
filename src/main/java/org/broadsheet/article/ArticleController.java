package org.broadsheet.article;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Redirects;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The article page. Any path that names an article by a current or former slug lands on its permalink. */
@Controller
record ArticleController(ArticleReader reader, ArticlePages pages) {

    @GetMapping("/{section:[a-z0-9-]{1,120}}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}")
    ModelAndView article(
            @PathVariable String section,
            @PathVariable String year,
            @PathVariable String month,
            @PathVariable String day,
            @PathVariable String slug,
            HttpServletRequest request,
            HttpServletResponse response) {
        ArticleView article = reader.findBySlug(slug).orElseThrow(() -> new NotFoundException("No article " + slug));
        String requested = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        if (!requested.equals(article.url())) {
            return Redirects.permanent(article.url());
        }
        return pages.render(article, request, response);
    }
}
