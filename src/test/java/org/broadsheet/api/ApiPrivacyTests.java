package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.Visitor;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No API answer carries an email address, an IP address or a user agent: every GET route of
 * the API (as Spring maps them, so a new one cannot be forgotten) is fetched for an article
 * whose comments have all three, and each body is scanned.
 */
@BroadsheetTest
@Transactional
class ApiPrivacyTests extends SiteTest {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern IPV4 = Pattern.compile("\\b10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noAnswerOfAnyRouteCarriesAnEmailAddressOrUserAgent() {
        String word = "privet" + Unique.word("").replaceAll("\\d", "");
        ArticleView story = commenting.article("A story about " + word);
        String email = Comments.email();
        String userAgent = "Secret-Agent/" + Unique.word("ua");
        var posted = comments.post(
                story.id(),
                new CommentForm("Reader", email, "https://reader.example", "Well said.", null),
                new Visitor(Comments.ip(), userAgent));
        comments.approve(posted.id());
        comments.replyAsStaff(posted.id(), "The desk", Unique.email("desk"), "Thank you.");

        var editor = Bearer.of(staff, tokens, Role.EDITOR);
        List<String> fetched = new ArrayList<>();
        for (String route : apiGetRoutes()) {
            String url = route.replace("{id}", String.valueOf(story.id())).replace("{slug}", story.slug());
            assertThat(url)
                    .as("a route with a variable this test does not fill")
                    .doesNotContain("{");
            url += url.endsWith("/search") ? "?q=" + word : "";
            for (boolean withToken : new boolean[] {false, true}) {
                MockHttpServletResponse response = withToken ? site.get(url, editor) : site.get(url);
                boolean needsToken = url.endsWith("/me") || url.endsWith("/source");
                assertThat(response.getStatus()).as(url).isEqualTo(withToken || !needsToken ? 200 : 401);
                String body = ApiJsonResponses.body(response);
                assertThat(EMAIL.matcher(body).find()).as(url + " " + body).isFalse();
                assertThat(IPV4.matcher(body).find()).as(url).isFalse();
                assertThat(body).as(url).doesNotContain(userAgent, Comments.USER_AGENT);
            }
            fetched.add(url);
        }
        assertThat(fetched).anyMatch(url -> url.endsWith("/comments"));
        assertThat(fetched).hasSizeGreaterThanOrEqualTo(8);
    }

    /** Every GET route of the API, and its description. */
    private List<String> apiGetRoutes() {
        List<String> routes = new ArrayList<>(ApiRoutes.of(mappings).stream()
                .filter(route -> route.method() == RequestMethod.GET)
                .map(ApiRoutes.Route::pattern)
                .toList());
        routes.add("/api/openapi.json");
        return routes;
    }
}
