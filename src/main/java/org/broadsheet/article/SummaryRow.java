package org.broadsheet.article;

import java.time.Instant;

/** The columns of an article that lists need. */
record SummaryRow(
        long id,
        String slug,
        String headline,
        String standfirst,
        String sectionSlug,
        String sectionName,
        Instant publishedAt,
        LeadImage image) {}
