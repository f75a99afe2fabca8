package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A reader page, form post or newsroom page that fails because the database is out of reach
 * (see {@link DatabaseUnavailable}) gets the site's 503 page with {@code Retry-After}; any other
 * database failure is left to the 500 it is.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableHandler {

    private static final Logger log = LoggerFactory.getLogger(UnavailableHandler.class);

    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final ErrorPages errorPages;
    private volatile long lastWarned = System.nanoTime() - WARN_EVERY_NANOS - 1;

    UnavailableHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class, SQLException.class})
    ModelAndView unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!DatabaseUnavailable.explains(e)) {
            throw e; // a fault, not an outage: the 500 it is
        }
        long now = System.nanoTime();
        if (now - lastWarned > WARN_EVERY_NANOS) { // one line per spell of failures, not one per request
            lastWarned = now;
            log.warn(
                    "503 for {} {} (and others like it): the database is unavailable: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
        }
        return errorPages.unavailable(response);
    }
}
