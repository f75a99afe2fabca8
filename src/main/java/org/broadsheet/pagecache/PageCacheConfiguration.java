package org.broadsheet.pagecache;

import java.time.Clock;
import org.broadsheet.web.SiteSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the page cache's filter first in line: after Spring's own request-context filters, before
 * the security filter chain (order -100) and everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheSettings.class)
class PageCacheConfiguration {

    /** Before Spring Security's chain (-100), after character encoding and request context filters. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(
            PageCache cache, PageCacheSettings settings, Clock clock, SiteSettings site) {
        var registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, settings, clock, site.url() == null));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        registration.setName("pageCacheFilter");
        return registration;
    }
}
