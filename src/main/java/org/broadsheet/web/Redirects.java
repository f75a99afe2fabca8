package org.broadsheet.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Redirects that say where a page lives now, without exposing the model in the address. */
public final class Redirects {

    private Redirects() {}

    /** 301 to {@code url}: the page lives there for good (a canonical address, a renamed thing). */
    public static ModelAndView permanent(String url) {
        return to(url, HttpStatus.MOVED_PERMANENTLY, false);
    }

    /** 303 to {@code url} within the site: a finished form's answer. */
    public static ModelAndView seeOther(String url) {
        return to(url, HttpStatus.SEE_OTHER, true);
    }

    private static ModelAndView to(String url, HttpStatus status, boolean contextRelative) {
        RedirectView redirect = new RedirectView(url, contextRelative);
        redirect.setStatusCode(status);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }
}
