package org.broadsheet.web;

/** A link in the site's section navigation. */
public record NavLink(String slug, String name, String url) {}
