package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.LeadImage;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's media library pages, as staff of each role use them. Each test rolls back, but
 * one: a refused delete ends a transaction in PostgreSQL, so that test commits images, staff and
 * a draft of its own and leaves them. Files stay on disk, under keys no other test meets.
 */
@BroadsheetTest
@Transactional
class MediaLibraryTests extends SiteTest {

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaUploads uploads;

    @Autowired
    Images images;

    @Test
    void contributorUploadsAnImageAndLandsOnItsPage() throws Exception {
        String name = Unique.slug("upload") + ".jpg";
        MockHttpServletResponse response = upload(
                staff.as(Role.CONTRIBUTOR),
                new MockMultipartFile("file", name, "image/jpeg", TestImages.jpeg(1200, 900)),
                "Fishing boats at anchor",
                "Dawn in the bay",
                "Photo: Desk");

        assertThat(response.getStatus()).isEqualTo(303);
        String location = response.getRedirectedUrl();
        assertThat(location).matches("/newsroom/media/[0-9]+");
        Document page = site.page(location, staff.as(Role.CONTRIBUTOR));
        assertThat(page.selectFirst("h1").text()).isEqualTo(name);
        assertThat(page.selectFirst("input#alt").attr("value")).isEqualTo("Fishing boats at anchor");
        assertThat(page.selectFirst("input#credit").attr("value")).isEqualTo("Photo: Desk");
        Element preview = page.selectFirst(".nr-media-preview img");
        assertThat(preview.attr("srcset")).contains("480w", "960w").doesNotContain("1600w");
        assertThat(preview.attr("alt")).isEqualTo("Fishing boats at anchor");

        Document library = site.page("/newsroom/media?q=" + name, staff.as(Role.EDITOR));
        assertThat(library.select(".nr-media-card a"))
                .extracting(e -> e.attr("href"))
                .containsExactly(location);
        assertThat(library.selectFirst(".nr-media-card img").attr("src")).endsWith("/480.jpg");
    }

    @Test
    void uploadFormIsMultipartWithATokenAndLabelledFields() throws Exception {
        Document page = site.page("/newsroom/media", staff.as(Role.AUTHOR));
        Element form = page.selectFirst("form[action=/newsroom/media][method=post]");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank();
        for (String field : List.of("file", "alt", "caption", "credit")) {
            assertThat(page.select("label[for=" + field + "]")).as(field).hasSize(1);
        }
        assertThat(page.selectFirst("#file-hint").text()).contains("up to 20 MB");
    }

    @Test
    void textFileNamedJpgIsRefusedWith415BesideTheFileFieldAndNothingIsKept() throws Exception {
        long rows = images.rows();
        long files = images.files();

        MockHttpServletResponse response = upload(
                staff.as(Role.CONTRIBUTOR),
                new MockMultipartFile(
                        "file",
                        "notes.jpg",
                        "image/jpeg",
                        "Shopping list: bread, olives.".getBytes(StandardCharsets.UTF_8)),
                "Kept alt",
                "",
                "");

        assertThat(response.getStatus()).isEqualTo(415);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.selectFirst("input#file").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("input#file").attr("aria-describedby")).isEqualTo("file-hint file-error");
        assertThat(page.selectFirst("#file-error").text()).contains("not a JPEG, PNG, WebP or GIF");
        assertThat(page.selectFirst("[role=alert]").text()).isEqualTo("The image was not uploaded.");
        assertThat(page.selectFirst("input#alt").attr("value")).isEqualTo("Kept alt");
        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void fiftyMegabyteUploadIsRefusedWith413AndNothingIsKept() throws Exception {
        long rows = images.rows();
        long files = images.files();
        byte[] huge = TestImages.endless(50L * 1024 * 1024).readAllBytes();

        MockHttpServletResponse response = upload(
                staff.as(Role.AUTHOR), new MockMultipartFile("file", "huge.jpg", "image/jpeg", huge), "", "", "");

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(Jsoup.parse(response.getContentAsString())
                        .selectFirst("#file-error")
                        .text())
                .contains("larger than the 20 MB");
        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void pixelFloodIsRefusedWith422AndNothingIsKept() throws Exception {
        long rows = images.rows();
        long files = images.files();

        MockHttpServletResponse response = upload(
                staff.as(Role.AUTHOR),
                new MockMultipartFile("file", "flood.png", "image/png", TestImages.pngClaiming(100_000, 100_000)),
                "",
                "",
                "");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(response.getContentAsString())
                        .selectFirst("#file-error")
                        .text())
                .contains("100,000 × 100,000");
        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void noFileAndTooLongAltAreFieldErrors() throws Exception {
        MockHttpServletResponse none = upload(
                staff.as(Role.AUTHOR),
                new MockMultipartFile("file", "", "application/octet-stream", new byte[0]),
                "Alt",
                "",
                "");
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(none.getContentAsString())
                        .selectFirst("#file-error")
                        .text())
                .isEqualTo("Choose an image file to upload");

        MockHttpServletResponse longAlt = upload(
                staff.as(Role.AUTHOR),
                new MockMultipartFile("file", "a.png", "image/png", TestImages.png(40, 40)),
                "x".repeat(301),
                "",
                "");
        assertThat(longAlt.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(longAlt.getContentAsString());
        assertThat(page.selectFirst("#alt-error").text()).isEqualTo("Alt text must be at most 300 characters");
        assertThat(page.selectFirst("input#alt").attr("aria-describedby")).isEqualTo("alt-hint alt-error");
    }

    @Test
    void uploaderAndEditorsMayChangeDetailsOthersMayNot() throws Exception {
        StaffMembers.Member owner = staff.create(Role.CONTRIBUTOR);
        RequestPostProcessor asOwner = staff.signIn(owner);
        MediaItem item = uploads.upload(
                "mine.png",
                new ByteArrayInputStream(TestImages.png(200, 100)),
                owner.staff().id(),
                "",
                "",
                "");
        String url = "/newsroom/media/" + item.id();

        Document asOther = site.page(url, staff.as(Role.AUTHOR));
        assertThat(asOther.select("form[action=" + url + "]")).isEmpty();
        assertThat(asOther.select("form.nr-media-delete")).isEmpty();
        assertThat(save(url, staff.as(Role.AUTHOR), "Changed by another").getStatus())
                .isEqualTo(403);
        assertThat(site.perform(post(url + "/delete")
                                .with(staff.as(Role.AUTHOR))
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(403);

        MockHttpServletResponse saved = save(url, asOwner, "A chart of rainfall");
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(site.page(url, asOwner).selectFirst("[role=status]").text())
                .contains("Saved the details of mine.png");
        assertThat(library.get(item.id()).alt()).isEqualTo("A chart of rainfall");

        assertThat(save(url, staff.as(Role.EDITOR), "Edited by the desk").getStatus())
                .isEqualTo(303);
        assertThat(library.get(item.id()).alt()).isEqualTo("Edited by the desk");

        // Control characters never reach the form: every newsroom POST carrying one is refused (400).
        MockHttpServletResponse refused = save(url, asOwner, "bad\u0001");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(library.get(item.id()).alt()).isEqualTo("Edited by the desk");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the refused delete would end the test's transaction
    void ownerDeletesTheirImageEditorsDeleteAnyoneButNotOneInUse() throws Exception {
        StaffMembers.Member owner = staff.create(Role.AUTHOR);
        MediaItem mine = uploads.upload(
                "own.png",
                new ByteArrayInputStream(TestImages.png(100, 100)),
                owner.staff().id(),
                "",
                "",
                "");
        MockHttpServletResponse deleted = site.perform(post("/newsroom/media/" + mine.id() + "/delete")
                .with(staff.signIn(owner))
                .with(csrf()));
        assertThat(deleted.getStatus()).isEqualTo(303);
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/newsroom/media");
        assertThat(library.findById(mine.id())).isEmpty();

        MediaItem used = images.upload("used.jpg", TestImages.jpeg(800, 500), "In use");
        stories.draft(stories.form("Uses a library picture")
                .withStandfirst("")
                .withBody("Body.\n")
                .withTags(List.of())
                .withImage(LeadImage.fromLibrary(used.image(), "", "", "")));
        MockHttpServletResponse inUse = site.perform(post("/newsroom/media/" + used.id() + "/delete")
                .with(staff.as(Role.EDITOR))
                .with(csrf()));
        assertThat(inUse.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(inUse.getContentAsString())
                        .selectFirst("[role=alert]")
                        .text())
                .contains("lead image");
        assertThat(library.findById(used.id())).isPresent();

        MediaItem others = images.upload("others.png", TestImages.png(60, 60), "");
        assertThat(site.perform(post("/newsroom/media/" + others.id() + "/delete")
                                .with(staff.as(Role.EDITOR))
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(303);
        assertThat(library.findById(others.id())).isEmpty();
    }

    @Test
    void libraryPagesThroughSearchResults() throws Exception {
        String word = Unique.slug("pagetest");
        for (int i = 0; i < 25; i++) {
            images.upload(word + "-" + i + ".png", TestImages.png(20, 20), "");
        }

        Document first = site.page("/newsroom/media?q=" + word, staff.as(Role.EDITOR));
        assertThat(first.select(".nr-media-card")).hasSize(24);
        assertThat(first.selectFirst("#media-count").text()).isEqualTo("25 images matching “" + word + "”");
        String older = first.selectFirst("a[rel=next]").attr("href");
        assertThat(older).isEqualTo("/newsroom/media?q=" + word + "&page=2");

        Document second = site.page(older, staff.as(Role.EDITOR));
        assertThat(second.select(".nr-media-card")).hasSize(1);
        assertThat(second.selectFirst(".nr-media-name").text()).isEqualTo(word + "-0.png");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/newsroom/media?q=" + word);
        assertThat(site.get("/newsroom/media?page=0", staff.as(Role.EDITOR)).getStatus())
                .isEqualTo(404);
    }

    @Test
    void pickerListsImagesWithTheirIds() throws Exception {
        String word = Unique.slug("picker");
        MediaItem item = images.upload(word + ".jpg", TestImages.jpeg(640, 480), "Market stalls under awnings");

        Document picker = site.page("/newsroom/media/picker?q=" + word, staff.as(Role.CONTRIBUTOR));

        Element entry = picker.selectFirst(".nr-media-picker li");
        assertThat(entry.attr("data-media-id")).isEqualTo(Long.toString(item.id()));
        assertThat(entry.selectFirst(".nr-media-id").text()).isEqualTo("Id " + item.id());
        assertThat(entry.text()).contains("Market stalls under awnings", word + ".jpg");
        assertThat(picker.selectFirst("form[role=search]").attr("action")).isEqualTo("/newsroom/media/picker");
    }

    @Test
    void strangersAreSentToSignIn() throws Exception {
        assertThat(site.status("/newsroom/media")).isEqualTo(302);
        assertThat(site.perform(multipart("/newsroom/media")
                                .file(new MockMultipartFile("file", "x.png", "image/png", TestImages.png(10, 10)))
                                .with(csrf()))
                        .getStatus())
                .isEqualTo(302);
    }

    private MockHttpServletResponse upload(
            RequestPostProcessor who, MockMultipartFile file, String alt, String caption, String credit)
            throws Exception {
        return site.perform(multipart("/newsroom/media")
                .file(file)
                .param("alt", alt)
                .param("caption", caption)
                .param("credit", credit)
                .with(who)
                .with(csrf()));
    }

    private MockHttpServletResponse save(String url, RequestPostProcessor who, String alt) throws Exception {
        return site.perform(post(url)
                .param("alt", alt)
                .param("caption", "")
                .param("credit", "")
                .with(who)
                .with(csrf()));
    }
}
