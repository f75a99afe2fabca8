package org.broadsheet.newsroom;

import java.util.Map;

import org.broadsheet.account.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The newsroom's first page: what needs doing. */
@Controller
class DashboardController {

    private final NewsroomPages pages;

    DashboardController(NewsroomPages pages) {
        this.pages = pages;
    }

    @GetMapping({"/newsroom", "/newsroom/"})
    ModelAndView dashboard(Staff staff) {
        return pages.render(staff, "newsroom/dashboard", "Dashboard", "dashboard", Map.of());
    }
}
