package org.broadsheet.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param updatedThreshold an article shows "Updated" only when it changed this long after publication
 * @param moreFromSection  how many stories "More from {Section}" lists
 * @param cacheTtl         how long reader data may be kept in memory ({@link ArticleCache}); 0 turns it off
 */
@ConfigurationProperties("broadsheet.articles")
public record ArticleSettings(
        @DefaultValue("1h") Duration updatedThreshold,
        @DefaultValue("5") int moreFromSection,
        @DefaultValue("30s") Duration cacheTtl) {}
