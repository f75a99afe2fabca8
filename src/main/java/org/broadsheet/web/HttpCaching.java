package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reader pages are the same for everyone, so a CDN or browser may keep them briefly:
 * {@code Cache-Control: public, max-age=60, stale-while-revalidate=30, stale-if-error=86400}
 * ({@link HttpCacheSettings}), with an {@code ETag} and {@code Last-Modified} (answering a
 * conditional request with 304; the page cache and the views that write pages add them). A page
 * that carries something of one reader's own (their held comments) is marked
 * {@linkplain #privateToReader private, no-store} instead, and gets no ETag. Static files under
 * {@code /assets} have their own, longer caching; error pages are not cached.
 */
@Configuration(proxyBeanMethods = false)
public class HttpCaching implements WebMvcConfigurer {

    static final String PRIVATE_PAGES = "private, no-store";

    private final String readerPages;

    HttpCaching(HttpCacheSettings settings) {
        this.readerPages = settings.readerPages();
    }

    /** Marks the page being answered as this reader's own: no shared cache may keep it. */
    public static void privateToReader(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_PAGES);
    }

    /** Whether the answer is one reader's own (private, or not to be stored at all): such a page gets no ETag. */
    public static boolean isPrivate(HttpServletResponse response) {
        String value = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return value != null && (value.startsWith("private") || value.contains("no-store"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                            response.setHeader("Cache-Control", readerPages);
                        }
                        return true;
                    }
                })
                .excludePathPatterns("/assets/**", "/error", "/actuator/**", NewsroomUrls.HOME + "/**");
    }
}
