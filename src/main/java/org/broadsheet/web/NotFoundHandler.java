package org.broadsheet.web;

import jakarta.servlet.http.HttpServletResponse;
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

/** Every "no such thing" a reader can reach ends on the 404 page, with status 404. */
@ControllerAdvice
class NotFoundHandler {

    private static final Logger log = LoggerFactory.getLogger(NotFoundHandler.class);

    private final ErrorPages errorPages;

    NotFoundHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class, NoHandlerFoundException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e, HttpServletResponse response) {
        log.debug("404: {}", e.getMessage());
        response.setHeader("Cache-Control", "no-cache");
        return errorPages.render(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache");
        return errorPages.render(HttpStatus.METHOD_NOT_ALLOWED);
    }
}
