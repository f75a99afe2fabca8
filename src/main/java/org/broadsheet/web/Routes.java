package org.broadsheet.web;

import jakarta.servlet.ServletRequest;

/**
 * The name a request is timed under when no Spring MVC handler answered it: a filter that
 * answers by itself (the page cache) says so here, and {@code ops.RequestMetrics} reads it.
 * Requests Spring MVC answers are timed under their handler's pattern.
 */
public final class Routes {

    /** The request attribute that holds the name. */
    public static final String ATTRIBUTE = "org.broadsheet.route";

    private Routes() {}

    /** Marks {@code request} as answered by {@code route} (a fixed name, never from the request). */
    public static void answeredBy(ServletRequest request, String route) {
        request.setAttribute(ATTRIBUTE, route);
    }
}
