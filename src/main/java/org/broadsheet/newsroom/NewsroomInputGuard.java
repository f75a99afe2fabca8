package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.broadsheet.web.FormInput;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every newsroom form is refused with 400, before any handler runs, when its parameters could
 * not be decoded (invalid UTF-8, broken percent-encoding) or carry control characters: such
 * text would otherwise be stored in an article or a setting with the damage invisible.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomInputGuard implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws java.io.IOException {
                        if ("POST".equals(request.getMethod()) && !FormInput.isClean(request)) {
                            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                            return false;
                        }
                        return true;
                    }
                })
                .addPathPatterns(NewsroomUrls.HOME + "/**");
    }
}
