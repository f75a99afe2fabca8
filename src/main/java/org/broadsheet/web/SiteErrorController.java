package org.broadsheet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside controllers (the container, security filters) get the site's error page
 * too, with the security headers: an error raised inside the filters (a body Tomcat cannot
 * read, met where the form is read for its token) is answered here past the security chain's
 * header writer, which ran for the request and not for its error.
 */
@Controller
class SiteErrorController implements ErrorController {

    private final ErrorPages errorPages;

    SiteErrorController(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @RequestMapping("/error")
    @Nullable
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(request, response);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return errorPages.render(HttpStatus.NOT_FOUND); // someone asked for /error itself
        }
        // a filter (sessions, API tokens) that could not reach the database
        if (DatabaseUnavailable.explains((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return errorPages.unavailable(response);
        }
        HttpStatus resolved = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        HttpStatus status = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String api && ApiProblems.isApi(api)) {
            // the API's clients read problems, not pages
            byte[] problem = ApiProblems.of(
                    status,
                    api,
                    status == HttpStatus.BAD_REQUEST ? "The request could not be read" : status.getReasonPhrase());
            response.setContentType(ApiProblems.MEDIA_TYPE);
            response.setContentLength(problem.length);
            response.getOutputStream().write(problem);
            return null;
        }
        return errorPages.render(status);
    }
}
