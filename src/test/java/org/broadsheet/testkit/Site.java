package org.broadsheet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one way tests fetch pages through MVC: as a reader (no session, no cookies), or as a
 * staff member signed in through {@link StaffMembers#as}. Responses are the servlet's own, so
 * status, headers and HTML are what a client would get.
 * <pre>
 * Document front = site.page("/");
 * MockHttpServletResponse list = site.get("/newsroom/tags", staff.as(Role.EDITOR));
 * </pre>
 */
@Component
public class Site {

    private final ObjectProvider<MockMvc> mvc;

    Site(ObjectProvider<MockMvc> mvc) {
        this.mvc = mvc;
    }

    /** The answer to a reader's GET. */
    public MockHttpServletResponse get(String url) {
        return perform(MockMvcRequestBuilders.get(url));
    }

    /** The answer to a GET made as someone ({@link StaffMembers#as}). */
    public MockHttpServletResponse get(String url, RequestPostProcessor who) {
        return perform(MockMvcRequestBuilders.get(url).with(who));
    }

    /**
     * The answer to a form posted as someone, with its CSRF token and the fields given as
     * name, value, name, value.
     * <pre>
     * site.submit("/newsroom/tags", staff.as(Role.EDITOR), "name", "Tides", "kind", "place");
     * </pre>
     */
    public MockHttpServletResponse submit(String url, RequestPostProcessor who, String... fields) {
        return perform(form(url, fields).with(csrf()).with(who));
    }

    /** A POST of a form whose fields are written {@code name=value}, as {@link #submit} sends, without a CSRF token. */
    public static MockHttpServletRequestBuilder form(String url, String... fields) {
        MockHttpServletRequestBuilder form = MockMvcRequestBuilders.post(url);
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a field is name=value, not " + field);
            }
            form.param(field.substring(0, equals), field.substring(equals + 1));
        }
        return form;
    }

    /** The answer to any request. */
    public MockHttpServletResponse perform(RequestBuilder request) {
        try {
            return mvc.getObject().perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole exchange, for what the response alone does not show: the flash attributes of a redirect. */
    public MvcResult exchange(RequestBuilder request) {
        try {
            return mvc.getObject().perform(request).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page a reader gets with 200, parsed. */
    public Document page(String url) {
        return parsed(url, get(url));
    }

    /** A page someone gets with 200, parsed. */
    public Document page(String url, RequestPostProcessor who) {
        return parsed(url, get(url, who));
    }

    /** The status a reader's GET gets. */
    public int status(String url) {
        return get(url).getStatus();
    }

    private static Document parsed(String url, MockHttpServletResponse response) {
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        try {
            return Jsoup.parse(response.getContentAsString());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
