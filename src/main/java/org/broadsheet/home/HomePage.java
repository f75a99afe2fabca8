package org.broadsheet.home;

import org.broadsheet.article.FrontPage;
import org.broadsheet.web.Layout;

/** The view of the front page. */
public record HomePage(Layout layout, String heading, FrontPage front, String archiveUrl) {}
