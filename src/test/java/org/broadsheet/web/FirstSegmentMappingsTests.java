package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The site's request mappings, looked up with fixed first segments passed over, choose what
 * Spring MVC's own lookup of the same mappings chooses: the same controller method, or the same
 * refusal (405, 406, 415), for addresses of every kind the site has, and for those that try to
 * slip past a fixed segment (encoded, with matrix variables, another case, doubled slashes).
 */
@BroadsheetTest
class FirstSegmentMappingsTests extends SiteTest {

    private static final List<String> PATHS = List.of(
            "/",
            "/world",
            "/world/",
            "/world/page/2",
            "/world/2026/01/02/a-story",
            "/world/2026/1/2/a-story",
            "/newsroom",
            "/newsroom/",
            "/newsroom/articles",
            "/newsroom/articles/12",
            "/newsroom/articles/12/edit",
            "/newsroom/sign-in",
            "/newsroom;jsessionid=1/articles",
            "/%6Eewsroom/articles",
            "/NEWSROOM/articles",
            "//newsroom/articles",
            "/api/v1/articles",
            "/api/v1/articles/12",
            "/api/v1/comments/3/approve",
            "/api;x=1/v1/articles",
            "/search",
            "/search/",
            "/feed",
            "/feed/",
            "/rss.xml",
            "/sitemap.xml",
            "/sitemap-news.xml",
            "/tag/water",
            "/author/someone",
            "/comments",
            "/assets/site.css",
            "/media/abc",
            "/page/3",
            "/2026/01/02/a-story",
            "/?p=12",
            "/x/y/z/w/v/u");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping site;

    @Test
    void theSiteUsesThem() {
        assertThat(site).isInstanceOf(FirstSegmentMappings.class);
    }

    @Test
    void everyAddressFindsWhatSpringMvcFinds() throws Exception {
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setPatternParser(site.getPatternParser());
        plain.setApplicationContext(Objects.requireNonNull(site.getApplicationContext()));
        site.getHandlerMethods()
                .forEach((info, method) -> plain.registerMapping(info, method.getBean(), method.getMethod()));
        assertThat(plain.getHandlerMethods()).hasSizeGreaterThan(50);
        int found = 0;
        for (String method : List.of("GET", "POST", "HEAD", "DELETE")) {
            for (String path : PATHS) {
                String ours = chosen(site, method, path);
                assertThat(ours).as(method + " " + path).isEqualTo(chosen(plain, method, path));
                found += ours.startsWith("method ") ? 1 : 0;
            }
        }
        assertThat(found).as("addresses that found a controller").isGreaterThan(40);
    }

    private static String chosen(RequestMappingHandlerMapping mapping, String method, String path) {
        int query = path.indexOf('?');
        MockHttpServletRequest request =
                new MockHttpServletRequest(method, query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            request.setQueryString(path.substring(query + 1));
            request.setParameter("p", path.substring(query + 3));
        }
        request.addHeader("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        return chosen(mapping, request);
    }

    private static String chosen(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : "method " + ((HandlerMethod) chain.getHandler()).getMethod();
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
