package org.broadsheet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Errors raised outside controllers (the container, security filters) get the site's error page too. */
@Controller
class SiteErrorController implements ErrorController {

    private final ErrorPages errorPages;

    SiteErrorController(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return errorPages.render(HttpStatus.NOT_FOUND); // someone asked for /error itself
        }
        // a filter (sessions, API tokens) that could not reach the database
        if (DatabaseUnavailable.explains((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return errorPages.unavailable(response);
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return errorPages.render(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }
}
