package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every "no such thing" a reader can reach ends on the 404 page, with status 404, unless a
 * {@link MovedAddresses} knows where it went (a renamed section, tag or author): then 301.
 */
@ControllerAdvice
class NotFoundHandler {

    private static final Logger log = LoggerFactory.getLogger(NotFoundHandler.class);

    private final ErrorPages errorPages;
    private final List<MovedAddresses> moved;

    NotFoundHandler(ErrorPages errorPages, List<MovedAddresses> moved) {
        this.errorPages = errorPages;
        this.moved = List.copyOf(moved);
    }

    @ExceptionHandler({
        NotFoundException.class,
        NoResourceFoundException.class,
        NoHandlerFoundException.class,
        MethodArgumentTypeMismatchException.class
    })
    ModelAndView notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> movedTo = movedTo(request);
        if (movedTo.isPresent()) {
            return Redirects.permanent(movedTo.get());
        }
        log.debug("404: {}", e.getMessage());
        response.setHeader("Cache-Control", "no-cache");
        return errorPages.render(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache");
        return errorPages.render(HttpStatus.METHOD_NOT_ALLOWED);
    }

    private Optional<String> movedTo(HttpServletRequest request) {
        if (moved.isEmpty() || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        for (MovedAddresses addresses : moved) {
            Optional<String> to = addresses.movedTo(path);
            if (to.isPresent()) {
                return Optional.of(to.get() + query);
            }
        }
        return Optional.empty();
    }
}
