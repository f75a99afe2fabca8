package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The newsroom's first page: the signed-in person's drafts, what waits for review, what is
 * scheduled, what was published last, and (for moderators) the comments waiting, counted in
 * the frame.
 */
@Controller
record DashboardController(NewsroomPages pages, ArticleDesk desk) {

    static final int PER_LIST = 8;

    @GetMapping({NewsroomUrls.HOME, NewsroomUrls.HOME + "/"})
    ModelAndView dashboard(Staff staff) {
        List<ArticleSummary> review =
                staff.can(Permission.EDIT_ANY) ? desk.inReview(PER_LIST) : desk.inReviewOf(staff.id(), PER_LIST);
        DashboardView view = new DashboardView(
                desk.draftsOf(staff.id(), PER_LIST),
                review,
                desk.scheduled(PER_LIST),
                desk.recentlyPublished(PER_LIST),
                staff.can(Permission.PUBLISH_OWN));
        return pages.render(staff, "newsroom/dashboard/dashboard", "Dashboard", "dashboard", Map.of("view", view));
    }
}
