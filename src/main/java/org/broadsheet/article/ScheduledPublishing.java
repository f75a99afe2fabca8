package org.broadsheet.article;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lifts embargoes: every half minute (and five seconds after start, so a restart catches up at
 * once), scheduled articles whose time has come are published. Readers never see an embargoed
 * story early in the meantime, since visibility is checked against the publication time on
 * every read. Safe on several nodes at once: each due article is published (and announced) by
 * exactly one of them ({@link ArticleService#publishDue}).
 */
@Component
class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final ArticleService articles;

    ScheduledPublishing(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(fixedDelayString = "${broadsheet.articles.publish-check:30s}", initialDelayString = "5s")
    void publishDue() {
        int total = 0;
        int published;
        do {
            published = articles.publishDue();
            total += published;
        } while (published == ArticleService.PUBLISH_BATCH);
        if (total > 0) {
            log.info("Published {} scheduled article(s)", total);
        }
    }
}
