package org.broadsheet.newsroom;

import java.util.Map;
import org.broadsheet.account.Staff;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in staff member who asks for something their role does not allow gets a 403 page
 * inside the newsroom frame, saying why, with their menu to go on from (rather than the reader
 * site's error page).
 */
@ControllerAdvice(basePackageClasses = NewsroomRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
record NewsroomRefusals(NewsroomPages pages) {

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(Staff staff, AccessDeniedException refusal) {
        return pages.render(
                staff,
                "newsroom/forbidden",
                "Not allowed",
                null,
                Map.of("reason", refusal.getMessage() == null ? "" : refusal.getMessage()),
                HttpStatus.FORBIDDEN);
    }
}
