package org.broadsheet.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<MethodOnce> methodOnceFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new MethodOnce());
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
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
