package org.broadsheet.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Renders the site's own error pages, with navigation and a way back. */
@Component
public class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /** The template of every error page. */
    static final String VIEW = "error/error";

    private final Layouts layouts;

    public ErrorPages(Layouts layouts) {
        this.layouts = layouts;
    }

    public ModelAndView render(HttpStatus status) {
        return view(page(status));
    }

    /**
     * The 503 page for a request the database could not serve, with {@code Retry-After} and
     * {@code no-store}, so that neither a browser nor a CDN keeps it as the page.
     */
    public ModelAndView unavailable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return render(HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** The error page of {@code status}: its heading and message, in the site's layout. */
    ErrorPage page(HttpStatus status) {
        String heading;
        String message;
        switch (status) {
            case NOT_FOUND -> {
                heading = "Page not found";
                message =
                        "We could not find the page you asked for. It may have moved, or the address may be mistyped.";
            }
            case METHOD_NOT_ALLOWED -> {
                heading = "Not allowed";
                message = "This address does not accept that kind of request.";
            }
            case SERVICE_UNAVAILABLE -> {
                heading = "Temporarily unavailable";
                message = "This page cannot be shown just now: the site is too busy or cannot reach its"
                        + " stories. Nothing you sent was saved. Please try again in a minute.";
            }
            case FORBIDDEN -> {
                heading = "Forbidden";
                message =
                        "You do not have permission to do that. If you submitted a form, reload the page and try again.";
            }
            default -> {
                Words words = otherWords(status);
                heading = words.heading();
                message = words.message();
            }
        }
        return new ErrorPage(layout(heading, message), status.value(), heading, message);
    }

    private record Words(String heading, String message) {}

    private static Words otherWords(HttpStatus status) {
        if (status.value() == 413) {
            return new Words("Too large", "What you sent is larger than this site accepts. Nothing was saved.");
        }
        if (status.value() == 408) { // a body that came too slowly (SlowBodies)
            return new Words("Too slow", "What you sent arrived too slowly and was not saved. Please try again.");
        }
        if (status.is4xxClientError()) {
            return new Words("Bad request", "We could not understand that request.");
        }
        return new Words(
                "Something went wrong",
                "The page could not be shown because of an error on our side. Please try again shortly.");
    }

    /** The site's frame; without the navigation when the database that holds it cannot be read. */
    private Layout layout(String heading, String message) {
        try {
            return layouts.page(heading, message, null, null);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                throw e;
            }
            log.debug("An error page without the navigation: {}", e.getMessage());
            return layouts.withoutDatabase(heading, message);
        }
    }

    /** An error page with its own heading and message, for refusals that need explaining. */
    public ModelAndView render(HttpStatus status, String heading, String message) {
        return view(new ErrorPage(layout(heading, message), status.value(), heading, message));
    }

    private static ModelAndView view(ErrorPage page) {
        ModelAndView view = new ModelAndView(VIEW, Map.of("page", page));
        view.setStatus(HttpStatus.valueOf(page.status()));
        return view;
    }
}
