package org.broadsheet.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's web set-up: an {@code ETag} on every successful answer (a 304 to a matching
 * {@code If-None-Match}), request parameters checked before any handler reads them, and CORS for
 * the public reads from the configured origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(ApiPaths.ROOT + "/*");
        registration.setName("apiEtags");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiRequestGuard> apiRequestGuard() {
        var registration = new FilterRegistrationBean<>(new ApiRequestGuard());
        registration.addUrlPatterns("/api/*");
        registration.setName("apiRequestGuard");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer apiCors(ApiSettings settings) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (!settings.corsOrigins().isEmpty()) {
                    registry.addMapping(ApiPaths.ROOT + "/**")
                            .allowedOrigins(settings.corsOrigins().toArray(String[]::new))
                            .allowedMethods("GET", "HEAD")
                            .exposedHeaders("Link", "ETag")
                            .allowCredentials(false)
                            .maxAge(3600);
                }
            }
        };
    }
}
