package org.broadsheet.web;

/** The view of an error page: 404 and friends. */
public record ErrorPage(Layout layout, int status, String heading, String message) {}
