package org.broadsheet.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Renders the site's own error pages, with navigation and a way back. */
@Component
public class ErrorPages {

    /** The template of every error page. */
    static final String VIEW = "error/error";

    private final Layouts layouts;

    public ErrorPages(Layouts layouts) {
        this.layouts = layouts;
    }

    public ModelAndView render(HttpStatus status) {
        return view(page(status));
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
            case FORBIDDEN -> {
                heading = "Forbidden";
                message =
                        "You do not have permission to do that. If you submitted a form, reload the page and try again.";
            }
            default -> {
                if (status.value() == 413) {
                    heading = "Too large";
                    message = "What you sent is larger than this site accepts. Nothing was saved.";
                } else if (status.is4xxClientError()) {
                    heading = "Bad request";
                    message = "We could not understand that request.";
                } else {
                    heading = "Something went wrong";
                    message = "The page could not be shown because of an error on our side. Please try again shortly.";
                }
            }
        }
        return new ErrorPage(layouts.page(heading, message, null, null), status.value(), heading, message);
    }

    /** An error page with its own heading and message, for refusals that need explaining. */
    public ModelAndView render(HttpStatus status, String heading, String message) {
        return view(new ErrorPage(layouts.page(heading, message, null, null), status.value(), heading, message));
    }

    private static ModelAndView view(ErrorPage page) {
        ModelAndView view = new ModelAndView(VIEW, Map.of("page", page));
        view.setStatus(HttpStatus.valueOf(page.status()));
        return view;
    }
}
