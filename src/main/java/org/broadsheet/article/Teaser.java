package org.broadsheet.article;

import org.broadsheet.web.DisplayDate;

/** An article as lists show it: fronts, section pages, "More from", story cards. */
public record Teaser(
        long id,
        String url,
        String headline,
        String standfirst,
        String sectionName,
        String sectionUrl,
        DisplayDate published,
        LeadImage image) {}
