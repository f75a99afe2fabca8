package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Uploads as a browser sends them, through Tomcat's multipart parser and the security filters.
 * Through a real server, so nothing rolls back: each test signs in as an author of its own and
 * uploads under a unique name.
 */
@BroadsheetTest
class MediaUploadHttpTests extends SiteTest {

    @Autowired
    MediaLibrary library;

    @Autowired
    Images images;

    @Autowired
    LiveSite live;

    private HttpClient browser;
    private boolean forgedToken;

    @BeforeEach
    void signInWithTheForm() throws Exception {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        browser = LiveSite.browser();
        String token = csrfField("/newsroom/sign-in");
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(live.uri("/newsroom/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(author.email()) + "&password="
                                + enc(author.password()) + "&_csrf=" + enc(token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    @Test
    void imageUploadedThroughTheFormIsStored() throws Exception {
        String name = Unique.slug("http") + ".png";
        byte[] png = TestImages.png(500, 300);
        HttpResponse<String> response = postUpload(name, new ByteArrayInputStream(png), "Alt words", png.length);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(library.list(name, 1, 10).items())
                .singleElement()
                .satisfies(item -> assertThat(item.alt()).isEqualTo("Alt words"));
    }

    @Test
    void uploadWithoutTheFormsTokenIsForbiddenAndNothingIsKept() throws Exception {
        long rows = images.rows();
        byte[] png = TestImages.png(50, 50);
        csrfField("/newsroom/media"); // the token cookie is there; the field will be wrong
        forgedToken = true;

        HttpResponse<String> response = postUpload("forged.png", new ByteArrayInputStream(png), "", png.length);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(images.rows()).isEqualTo(rows);
    }

    @ParameterizedTest(name = "length announced: {0}")
    @ValueSource(booleans = {true, false})
    void fiftyMegabyteUploadIsRefusedWith413AndATooLargePageAndNothingIsKept(boolean announced) throws Exception {
        long rows = images.rows();
        long files = images.files();

        HttpResponse<String> response =
                postUpload("huge.jpg", TestImages.endless(50L * 1024 * 1024), "", announced ? 50L * 1024 * 1024 : -1);

        assertThat(response.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Too large");
        assertThat(page.text()).contains("Nothing was saved");
        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    /** Posts the upload form; {@code length} is the file's size, or -1 to send the body without a length (chunked). */
    private HttpResponse<String> postUpload(String filename, InputStream content, String alt, long length)
            throws Exception {
        String token = forgedToken ? "forged" : csrfField("/newsroom/media");
        String boundary = "----broadsheet" + UUID.randomUUID();
        String head = field(boundary, "_csrf", token) + field(boundary, "alt", alt) + field(boundary, "caption", "")
                + field(boundary, "credit", "")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                content,
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        return browser.send(
                HttpRequest.newBuilder(live.uri("/newsroom/media"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                length < 0
                                        ? HttpRequest.BodyPublishers.ofInputStream(() -> body)
                                        : HttpRequest.BodyPublishers.fromPublisher(
                                                HttpRequest.BodyPublishers.ofInputStream(() -> body),
                                                head.length() + length + tail.length()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String csrfField(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(live.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
