package org.broadsheet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.List;
import org.broadsheet.account.ApiTokens;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's web set-up: an {@code ETag} on every successful answer (a 304 to a matching
 * {@code If-None-Match}), request parameters checked before any handler reads them, and CORS for
 * the public reads from the configured origins; and the OpenAPI description's naming.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiConfiguration {

    /** The name of the token scheme in the OpenAPI description; routes that need a token name it. */
    static final String BEARER = "bearer";

    static {
        // Filled from the Authorization header, not a parameter the description should list.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TokenHolder.class);
    }

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

    /** After Spring Security's chain (order -100), so that its headers are on refusals too. */
    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiTokens tokens, Clock clock) {
        var registration = new FilterRegistrationBean<>(new ApiTokenFilter(tokens, clock));
        registration.addUrlPatterns("/api/*");
        registration.setName("apiTokenFilter");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    WebMvcConfigurer apiTokenHolders() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new TokenHolderResolver());
            }
        };
    }

    /**
     * springdoc reads the JSON shapes with Jackson 2, which does not see the Jackson 3
     * {@code @JsonNaming} of {@link ApiJson}: name their properties snake_case here too, as
     * the answers do ({@code ApiDescriptionTests} compares the two).
     */
    @Bean
    ModelResolver apiModelResolver() {
        return new ModelResolver(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI apiDescription() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token made in the newsroom (Your account → API tokens)")))
                .info(
                        new Info()
                                .title("Broadsheet API")
                                .version("v1")
                                .description(
                                        "JSON views of what readers can see, and writes with staff API tokens. Guide: docs/api.md."));
    }

    /**
     * The request headers another origin's page may send: what public reads use (conditional
     * requests and content negotiation), and never {@code Authorization}, so that a preflight
     * asking for it is refused and no page of another site can make a token's request and read
     * the answer, even with a token it was handed.
     */
    static final String[] CORS_REQUEST_HEADERS = {"Accept", "Accept-Language", "If-None-Match", "If-Modified-Since"};

    @Bean
    WebMvcConfigurer apiCors(ApiSettings settings) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (!settings.corsOrigins().isEmpty()) {
                    registry.addMapping(ApiPaths.ROOT + "/**")
                            .allowedOrigins(settings.corsOrigins().toArray(String[]::new))
                            .allowedMethods("GET", "HEAD")
                            .allowedHeaders(CORS_REQUEST_HEADERS)
                            .exposedHeaders("Link", "ETag")
                            .allowCredentials(false)
                            .maxAge(3600);
                }
            }
        };
    }
}
