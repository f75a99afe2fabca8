package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.broadsheet.api.ApiJsonResponses.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/** Image uploads with a token: every role may upload; a wrong type is 415, too large 413, no token 401. */
@BroadsheetTest
@Transactional
class ApiMediaTests extends SiteTest {

    @Autowired
    ApiTokens tokens;

    private MockHttpServletResponse upload(MockMultipartFile file, RequestPostProcessor who) {
        return site.perform(multipart("/api/v1/media")
                .file(file)
                .param("alt", "A test picture")
                .with(who));
    }

    @Test
    void everyRoleUploadsAnImageAndGetsItsAddresses() {
        for (Role role : Role.values()) {
            MockHttpServletResponse answer = upload(
                    new MockMultipartFile("file", "picture.jpg", "image/jpeg", TestImages.jpeg(640, 480)),
                    Bearer.of(staff, tokens, role));
            assertThat(answer.getStatus())
                    .as(role.key() + " " + ApiJsonResponses.body(answer))
                    .isEqualTo(201);
            var item = json(answer);
            assertThat(item.get("width").asInt()).isEqualTo(640);
            assertThat(item.get("alt").asString()).isEqualTo("A test picture");
            assertThat(item.get("url").asString()).startsWith("http");
        }
    }

    @Test
    void aFileThatIsNotAnImageIs415() {
        problem(
                upload(
                        new MockMultipartFile(
                                "file", "notes.jpg", "image/jpeg", "plain text".getBytes(StandardCharsets.UTF_8)),
                        Bearer.of(staff, tokens, Role.AUTHOR)),
                415);
    }

    @Test
    void aFileTooLargeIs413() throws Exception {
        byte[] huge = TestImages.endless(25L * 1024 * 1024).readAllBytes();
        problem(
                upload(
                        new MockMultipartFile("file", "huge.jpg", "image/jpeg", huge),
                        Bearer.of(staff, tokens, Role.EDITOR)),
                413);
    }

    @Test
    void anUploadWithoutATokenIs401() {
        MockHttpServletResponse refused = upload(
                new MockMultipartFile("file", "picture.jpg", "image/jpeg", TestImages.jpeg(64, 48)),
                staff.as(Role.ADMINISTRATOR));
        problem(refused, 401);
        assertThat(refused.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }
}
