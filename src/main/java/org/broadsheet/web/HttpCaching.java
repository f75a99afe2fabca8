package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reader pages are the same for everyone, so a CDN or browser may keep them briefly:
 * {@code Cache-Control: public, max-age=60} and an {@code ETag} (answering
 * {@code If-None-Match} with 304; see {@link JteUtf8View}). Static files under
 * {@code /assets} have their own, longer caching; error pages are not cached.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching implements WebMvcConfigurer {

    static final String READER_PAGES = "public, max-age=60";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    response.setHeader("Cache-Control", READER_PAGES);
                }
                return true;
            }
        }).excludePathPatterns("/assets/**", "/error", "/actuator/**");
    }
}
