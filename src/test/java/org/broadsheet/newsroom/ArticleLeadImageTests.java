package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorForm.fields;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.LeadImage;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The editor's lead image from the media library: chosen in the form or with the picker's
 * "Use this image", shown by reader pages with every rendition; unknown images refused beside
 * the field; removed; images given by address kept as they are; and who may choose. Each test
 * rolls back: the story it publishes leads the front page only inside its own transaction.
 */
@BroadsheetTest
@Transactional
class ArticleLeadImageTests extends SiteTest {

    @Autowired
    MediaLibrary media;

    @Autowired
    MediaUploads uploads;

    @Test
    void anImageChosenInTheFormIsPublishedWithItsRenditionsOnTheArticleAndTheFrontPage() throws Exception {
        MediaItem item = upload(
                Unique.slug("harbour") + ".jpg",
                2400,
                1600,
                "Cranes over the harbour at dawn",
                "The east quay before the strike",
                "Photo: Lena Marsh");
        String headline = Unique.name("Dockers vote on the new contract");

        MvcResult saved = site.exchange(article(post("/newsroom/articles"), headline)
                .param("imageMediaId", Long.toString(item.id()))
                .param("action", "publish")
                .with(staff.as(Role.AUTHOR)));
        assertThat(saved.getResponse().getStatus())
                .as(saved.getResponse().getContentAsString())
                .isEqualTo(303);
        long id = idFrom(saved);

        LeadImage image = desk.forEditing(id).form().image();
        assertThat(image.mediaId()).isEqualTo(item.id());
        assertThat(image.alt()).isEqualTo("Cranes over the harbour at dawn"); // blanks filled from the library
        assertThat(image.path()).isEqualTo(item.defaultRendition().url());

        Document page = site.page(stories.view(id).url());
        Element img = page.selectFirst("figure.lead-image img");
        assertOffersEveryRendition(img, item);
        assertThat(page.selectFirst("figure.lead-image .caption").text()).isEqualTo("The east quay before the strike");
        assertThat(page.selectFirst("figure.lead-image .credit").text()).isEqualTo("Photo: Lena Marsh");

        Document front = site.page("/");
        assertThat(front.selectFirst(".lead-story-headline").text()).isEqualTo(headline);
        assertOffersEveryRendition(front.selectFirst(".lead-story img"), item);

        Document editor = site.page("/newsroom/articles/" + id, staff.as(Role.AUTHOR));
        assertThat(editor.getElementById("image-media-id").val()).isEqualTo(Long.toString(item.id()));
        assertThat(editor.selectFirst("#lead-image-preview img").attr("src"))
                .isEqualTo(item.thumbnail().url());
        assertThat(editor.selectFirst("#lead-image-preview").text()).contains(item.filename());
        assertThat(editor.getElementById("image-alt").val()).isEqualTo("Cranes over the harbour at dawn");
    }

    @Test
    void thePickersUseThisImageSetsTheLeadImageOfAnArticleItsWriterMayEdit() throws Exception {
        long id = draftBy(Role.CONTRIBUTOR, "Ferry timetable changes");
        MediaItem theirs = upload(
                Unique.slug("ferry") + ".png",
                1200,
                800,
                "The evening ferry leaving port",
                "Leaving port",
                "Photo: Desk");

        Document picker = site.page("/newsroom/media/picker?article=" + id, staff.as(Role.CONTRIBUTOR));
        Element entry = picker.selectFirst(".nr-media-picker li[data-media-id=" + theirs.id() + "]");
        Element use = entry.selectFirst("form[method=post]");
        assertThat(use.attr("action")).isEqualTo("/newsroom/articles/" + id + "/lead-image");
        assertThat(use.selectFirst("input[name=_csrf]")).isNotNull();
        assertThat(use.selectFirst("input[name=media]").val()).isEqualTo(Long.toString(theirs.id()));
        assertThat(use.selectFirst("button").text()).startsWith("Use this image");
        assertThat(picker.select(".nr-media-picker button:contains(Use this image)"))
                .hasSizeGreaterThanOrEqualTo(1);

        MvcResult chosen = site.exchange(post(use.attr("action"))
                .param("media", Long.toString(theirs.id()))
                .with(staff.as(Role.CONTRIBUTOR))
                .with(csrf()));
        assertThat(chosen.getResponse().getStatus()).isEqualTo(303);
        assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/articles/" + id + "#lead-image");
        assertThat(chosen.getFlashMap().get("flash").toString()).contains("Lead image set to " + theirs.filename());
        LeadImage image = desk.forEditing(id).form().image();
        assertThat(image.mediaId()).isEqualTo(theirs.id());
        assertThat(image.alt()).isEqualTo("The evening ferry leaving port");
        assertThat(image.credit()).isEqualTo("Photo: Desk");
        assertThat(desk.forEditing(id).version()).isEqualTo(2);

        Document again = site.page("/newsroom/media/picker?article=" + id, staff.as(Role.CONTRIBUTOR));
        assertThat(again.selectFirst("li[data-media-id=" + theirs.id() + "]").text())
                .contains("The article's lead image now");
    }

    @Test
    void anUnknownOrDeletedImageIsAFieldErrorWithEverythingTypedKept() throws Exception {
        MediaItem gone = upload(Unique.slug("gone") + ".jpg", 800, 600, "Soon deleted", "", "");
        media.delete(gone.id());
        for (String typed : List.of("987654321987", Long.toString(gone.id()), "twelve")) {
            MockHttpServletResponse refused = site.perform(article(post("/newsroom/articles"), "Typed headline")
                    .param("imageMediaId", typed)
                    .param("imageAlt", "Alt I typed")
                    .param("imageCaption", "My caption")
                    .param("action", "save")
                    .with(staff.as(Role.EDITOR)));

            assertThat(refused.getStatus()).as(typed).isEqualTo(422);
            Document page = Jsoup.parse(refused.getContentAsString());
            Element field = page.getElementById("image-media-id");
            assertThat(field.val()).isEqualTo(typed);
            assertThat(field.attr("aria-invalid")).isEqualTo("true");
            assertThat(field.attr("aria-describedby")).contains("image-mediaId-error");
            assertThat(page.getElementById("image-mediaId-error").text()).isEqualTo("Choose an image from the library");
            assertThat(page.getElementById("image-alt").val()).isEqualTo("Alt I typed");
            assertThat(page.getElementById("image-caption").val()).isEqualTo("My caption");
            assertThat(page.getElementById("headline").val()).isEqualTo("Typed headline");
        }

        long id = draftBy(Role.EDITOR, "Pier repairs");
        MockHttpServletResponse picked = pick(Role.EDITOR, id, gone);
        assertThat(picked.getStatus()).isEqualTo(422);
        assertThat(problem(picked)).contains("no longer in the library");
        assertThat(desk.forEditing(id).form().image()).isNull();
    }

    @Test
    void anImageWithoutAltTextIsRefusedByThePickerAndNeedsAltInTheForm() throws Exception {
        MediaItem bare = upload(Unique.slug("bare") + ".jpg", 640, 480, "", "", "");
        long id = draftBy(Role.EDITOR, "Lighthouse keepers");

        MockHttpServletResponse picked = pick(Role.EDITOR, id, bare);
        assertThat(picked.getStatus()).isEqualTo(422);
        assertThat(problem(picked)).contains("has no alt text");

        Document editor = site.page("/newsroom/articles/" + id, staff.as(Role.EDITOR));
        MockHttpServletResponse noAlt =
                save(Role.EDITOR, id, fields(editor, "imageMediaId", Long.toString(bare.id())), "action=save");
        assertThat(noAlt.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(noAlt.getContentAsString()).getElementById("image-alt-error"))
                .isNotNull();

        var withAlt = fields(editor, "imageMediaId", Long.toString(bare.id()));
        withAlt.set("imageAlt", "A white tower on a rock");
        assertThat(save(Role.EDITOR, id, withAlt, "action=save").getStatus()).isEqualTo(303);
        assertThat(desk.forEditing(id).form().image().alt()).isEqualTo("A white tower on a rock");
    }

    @Test
    void removeImageSavesTheArticleWithoutOne() throws Exception {
        MediaItem item = upload(Unique.slug("removed") + ".jpg", 1000, 700, "A flooded street", "", "");
        long id = draftBy(Role.AUTHOR, "Flood defences");
        pick(Role.AUTHOR, id, item);
        Document editor = site.page("/newsroom/articles/" + id, staff.as(Role.AUTHOR));
        assertThat(editor.getElementById("image-remove-field").hasAttr("hidden"))
                .isFalse();

        MockHttpServletResponse saved = save(Role.AUTHOR, id, fields(editor), "imageRemove=true", "action=publish");

        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(desk.forEditing(id).form().image()).isNull();
        Document page = site.page(stories.view(id).url());
        assertThat(page.select("figure.lead-image")).isEmpty();
        Document after = site.page("/newsroom/articles/" + id, staff.as(Role.AUTHOR));
        assertThat(after.getElementById("image-remove-field").hasAttr("hidden")).isTrue();
        assertThat(after.selectFirst("#lead-image-preview").text()).isEqualTo("No lead image.");
    }

    @Test
    void anImageGivenByAddressIsShownReadOnlyAndKeptWhenSavedUnchanged() throws Exception {
        LeadImage byPath =
                new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "A caption", "A credit", 1200, 675);
        long id = stories.draft(
                stories.form(Unique.name("Port by address")).withImage(byPath), staff.member(Role.EDITOR));

        Document page = site.page("/newsroom/articles/" + id, staff.as(Role.EDITOR));
        assertThat(page.selectFirst("#lead-image-preview").text())
                .contains("Image by address")
                .contains("/assets/images/demo/port-cranes.svg");
        assertThat(page.select("#article-editor input[type=text][name=imagePath]"))
                .isEmpty();
        assertThat(page.getElementById("image-media-id").val()).isEmpty();

        MockHttpServletResponse saved = save(Role.EDITOR, id, fields(page), "action=save");

        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(desk.forEditing(id).form().image()).isEqualTo(byPath);
        assertThat(desk.forEditing(id).version()).isEqualTo(1); // nothing changed: no new revision
    }

    @Test
    void theRevisionDiffNamesALibraryImageByIdAndFileNameAndAnImageByAddressByItsAddress() throws Exception {
        LeadImage byPath =
                new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "A caption", "A credit", 1200, 675);
        long id =
                stories.draft(stories.form(Unique.name("Diffed picture")).withImage(byPath), staff.member(Role.EDITOR));
        MediaItem item = upload(Unique.slug("quay-at-dusk") + ".jpg", 1200, 800, "The quay at dusk", "", "");
        assertThat(pick(Role.EDITOR, id, item).getStatus()).isEqualTo(303);

        Document compare =
                site.page("/newsroom/articles/" + id + "/revisions/compare?from=1&to=2", staff.as(Role.EDITOR));
        Element table = compare.select("table.nr-diff").stream()
                .filter(t -> t.selectFirst("caption").text().equals("Lead image"))
                .findFirst()
                .orElseThrow();
        assertThat(table.select("tbody tr td:first-child").eachText())
                .contains("Image by address: /assets/images/demo/port-cranes.svg", "Alt: Cranes");
        assertThat(table.select("tbody tr td:last-child").eachText())
                .contains("Library image #" + item.id() + ": \"" + item.filename() + "\"", "Alt: The quay at dusk");
        assertThat(table.text()).doesNotContain("/media/");
    }

    @Test
    void aContributorMayNotChooseTheImageOfSomeoneElsesArticle() throws Exception {
        long id = draftBy(Role.EDITOR, "Council budget");
        MediaItem item = upload(Unique.slug("budget") + ".jpg", 800, 600, "The council chamber", "", "");

        assertThat(site.get("/newsroom/media/picker?article=" + id, staff.as(Role.CONTRIBUTOR))
                        .getStatus())
                .isEqualTo(403);
        assertThat(pick(Role.CONTRIBUTOR, id, item).getStatus()).isEqualTo(403);
        assertThat(desk.forEditing(id).form().image()).isNull();
        assertThat(site.get("/newsroom/media/picker?article=" + id, staff.as(Role.EDITOR))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void thePickerWithoutAnArticleShowsIdsToTypeAndAnswersTheEditorsScriptInJson() throws Exception {
        MediaItem item = upload(Unique.slug("json") + ".jpg", 900, 600, "Market stalls", "Saturday", "Desk");

        Document picker = site.page("/newsroom/media/picker?q=" + item.filename(), staff.as(Role.CONTRIBUTOR));
        assertThat(picker.selectFirst("li[data-media-id=" + item.id() + "] .nr-media-id")
                        .text())
                .isEqualTo("Id " + item.id());
        assertThat(picker.select("li button")).isEmpty();

        String json = site.perform(get("/newsroom/media/picker")
                        .param("q", item.filename())
                        .header("Accept", "application/json")
                        .with(staff.as(Role.CONTRIBUTOR)))
                .getContentAsString();
        assertThat(json)
                .contains(
                        "\"id\":" + item.id(),
                        "\"alt\":\"Market stalls\"",
                        "\"caption\":\"Saturday\"",
                        "\"thumbnail\":\"" + item.thumbnail().url() + "\"");
    }

    // ---- helpers

    private static void assertOffersEveryRendition(Element img, MediaItem item) {
        assertThat(img.attr("src")).isEqualTo(item.defaultRendition().url());
        assertThat(img.attr("srcset")).isEqualTo(item.srcset());
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("width"))
                .isEqualTo(Integer.toString(item.defaultRendition().width()));
        assertThat(img.attr("height"))
                .isEqualTo(Integer.toString(item.defaultRendition().height()));
        assertThat(img.attr("alt")).isEqualTo(item.alt());
    }

    private MockHttpServletRequestBuilder article(MockHttpServletRequestBuilder request, String headline) {
        return request.param("headline", headline)
                .param("standfirst", "A standfirst.")
                .param("body", "Text.\n")
                .param("section", "americas")
                .param("authors", "daniel-reyes")
                .param("version", "0")
                .with(csrf());
    }

    /** Chooses {@code item} as the lead image of article {@code id}, as the picker's form does. */
    private MockHttpServletResponse pick(Role role, long id, MediaItem item) {
        return site.submit("/newsroom/articles/" + id + "/lead-image", staff.as(role), "media=" + item.id());
    }

    /** Posts the editor's {@code fields} for article {@code id}, with {@code more} as name=value. */
    private MockHttpServletResponse save(Role role, long id, MultiValueMap<String, String> fields, String... more) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
        for (String field : more) {
            int equals = field.indexOf('=');
            form.add(field.substring(0, equals), field.substring(equals + 1));
        }
        return site.perform(post("/newsroom/articles/" + id)
                .params(form)
                .with(staff.as(role))
                .with(csrf()));
    }

    private static String problem(MockHttpServletResponse refused) throws Exception {
        return Jsoup.parse(refused.getContentAsString()).select("[role=alert]").text();
    }

    /** A draft created by the member of this role (so they own it); returns its id. */
    private long draftBy(Role role, String headline) {
        return stories.draft(stories.form(Unique.name(headline)), staff.member(role));
    }

    private long idFrom(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MediaItem upload(String filename, int width, int height, String alt, String caption, String credit) {
        byte[] bytes = filename.endsWith(".png") ? TestImages.png(width, height) : TestImages.jpeg(width, height);
        return uploads.upload(
                filename,
                new ByteArrayInputStream(bytes),
                staff.member(Role.EDITOR).staff().id(),
                alt,
                caption,
                credit);
    }
}
