package org.broadsheet.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    SiteSettings.class,
    HttpCacheSettings.class,
    ProxySettings.class,
    RequestBodySettings.class
})
class WebConfiguration {

    /** Last in line, just before the dispatcher ({@link MethodOnce}). */
    @Bean
    FilterRegistrationBean<MethodOnce> methodOnceFilter() {
        var registration = new FilterRegistrationBean<>(new MethodOnce());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("methodOnceFilter");
        return registration;
    }

    /** Spring MVC's request mappings, those with another fixed first segment passed over at once ({@link FirstSegmentMappings}). */
    @Bean
    WebMvcRegistrations firstSegmentMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new FirstSegmentMappings();
            }
        };
    }
}
