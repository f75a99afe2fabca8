package org.broadsheet.listing;

import org.broadsheet.web.Layout;

/** The view of the front page. */
public record HomePage(Layout layout, String heading, FrontPage front, String archiveUrl) {}
