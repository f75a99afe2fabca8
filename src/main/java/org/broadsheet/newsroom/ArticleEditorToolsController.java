package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticlePreview;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editor's helpers: the preview (the site's own rendering of what is typed, nothing
 * saved) and the story-reference picker (articles found by headline, with the reference text
 * to paste; JSON for the editor's script).
 */
@Controller
record ArticleEditorToolsController(NewsroomPages pages, ArticleDesk desk) {

    static final int LOOKUP_LIMIT = 20;

    /** One article found by the picker, for the editor's script. */
    record Found(long id, String headline, String slug, String status, String published) {}

    @PostMapping(NewsroomUrls.ARTICLES + "/preview")
    ModelAndView preview(
            Staff staff,
            @RequestParam(required = false) String headline,
            @RequestParam(required = false) String standfirst,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Long id) {
        staff.require(Permission.WRITE_OWN);
        ArticlePreview preview = desk.preview(headline, standfirst, body, id);
        String title = "Preview: " + (preview.headline().isEmpty() ? "untitled" : preview.headline());
        return pages.render(staff, "newsroom/articles/preview", title, "articles", Map.of("p", preview));
    }

    @GetMapping(NewsroomUrls.ARTICLES + "/lookup")
    ModelAndView lookup(Staff staff, @RequestParam(defaultValue = "") String q) {
        staff.require(Permission.WRITE_OWN);
        return pages.render(
                staff,
                "newsroom/articles/lookup",
                "Find a story to reference",
                "articles",
                Map.of("view", new ArticleEditorLookupView(q.strip(), desk.lookup(q, LOOKUP_LIMIT))));
    }

    @GetMapping(value = NewsroomUrls.ARTICLES + "/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Found>> lookupJson(Staff staff, @RequestParam(defaultValue = "") String q) {
        staff.require(Permission.WRITE_OWN);
        List<Found> found = desk.lookup(q, LOOKUP_LIMIT).stream()
                .map(a -> new Found(
                        a.id(),
                        a.headline(),
                        a.slug(),
                        a.status().label(),
                        a.published() == null ? null : a.published().date()))
                .toList();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(found);
    }
}
