package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.PageChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article whose lead image comes from the library offers its renditions to the browser.
 * Each test rolls back, but one: a refused delete ends a transaction in PostgreSQL, so that test
 * commits a story and an image of its own (under a unique slug and a random key) and leaves them.
 */
@BroadsheetTest
@Transactional
class LibraryLeadImageTests extends SiteTest {

    @Autowired
    MediaLibrary library;

    @Autowired
    Images images;

    @Test
    void articlePageOffersEveryRenditionWithSizesAndTheDefaultRenditionsDimensions() {
        MediaItem item = images.jpeg(2400, 1600, "Library alt");
        library.updateDetails(item.id(), "Library alt", "Library caption", "Library credit");
        ArticleView article = publish(
                "Lead from the library",
                LeadImage.fromLibrary(
                        library.image(item.id()).orElseThrow(), "Stevedores on the quay at dusk", "", ""));

        byte[] html = site.get(article.url()).getContentAsByteArray();
        assertThat(new PageChecks().htmlErrors("article with a library lead image", html))
                .isEmpty();
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));

        Element img = page.selectFirst("figure.lead-image img");
        assertThat(img.attr("src")).isEqualTo(item.renditions().get(1).url());
        assertThat(img.attr("srcset"))
                .isEqualTo(String.join(
                        ", ",
                        item.renditions().get(0).url() + " 480w",
                        item.renditions().get(1).url() + " 960w",
                        item.renditions().get(2).url() + " 1600w"));
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("640");
        assertThat(img.attr("alt")).isEqualTo("Stevedores on the quay at dusk");
        assertThat(page.selectFirst("figure.lead-image .caption").text()).isEqualTo("Library caption");
        assertThat(page.selectFirst("figure.lead-image .credit").text()).isEqualTo("Library credit");
        for (String candidate : img.attr("srcset").split(", ")) {
            assertThat(site.status(candidate.split(" ")[0])).as(candidate).isEqualTo(200);
        }
    }

    @Test
    void sectionPageTeaserOffersTheRenditionsToo() {
        MediaItem item = images.jpeg(1600, 900, "Teaser alt");
        ArticleView article = publish("Teaser from the library", LeadImage.fromLibrary(item.image(), "", "", ""));

        Element teaser = site.page(article.sectionUrl()).select("article.teaser").stream()
                .filter(t -> t.text().contains("Teaser from the library"))
                .findFirst()
                .orElseThrow();

        Element img = teaser.selectFirst("img.teaser-image");
        assertThat(img.attr("srcset")).contains(item.renditions().get(0).url() + " 480w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("540");
    }

    @Test
    void imagesGivenByPathKeepTheirPlainImgTag() {
        ArticleView article = publish(
                "Lead by path",
                new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "A caption", "A credit", 1200, 675));

        Element img = site.page(article.url()).selectFirst("figure.lead-image img");

        assertThat(img.attr("src")).isEqualTo("/assets/images/demo/port-cranes.svg");
        assertThat(img.hasAttr("srcset")).isFalse();
        assertThat(img.hasAttr("sizes")).isFalse();
        assertThat(img.attr("width")).isEqualTo("1200");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // the refused delete would end the test's transaction
    void imageUsedByAnArticleCannotBeDeleted() {
        MediaItem item = images.jpeg(800, 600, "Kept");
        ArticleView article = publish("Keeps its picture", LeadImage.fromLibrary(item.image(), "", "", ""));

        assertThatThrownBy(() -> library.delete(item.id()))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        assertThat(library.findById(item.id())).isPresent();
        assertThat(images.stored(item.renditions().get(0).url())).isNotEmpty();
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset()).isNotNull();
    }

    @Test
    void libraryLeadImageSurvivesTheArticlesRevisions() {
        MediaItem item = images.jpeg(1000, 800, "Revised");
        ArticleView article = publish("Revised lead", LeadImage.fromLibrary(item.image(), "", "", ""));
        assertThat(desk.revision(article.id(), 1).image().mediaId()).isEqualTo(item.id());
        assertThat(desk.forEditing(article.id()).form().image().mediaId()).isEqualTo(item.id());

        ArticleForm byPath = desk.forEditing(article.id()).form();
        articles.update(
                article.id(),
                byPath.withImage(new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "", "", 1200, 675)));
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset()).isNull();

        long editor = staff.create(Role.EDITOR).staff().id();
        articles.restore(article.id(), 1, desk.forEditing(article.id()).version(), editor);
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset())
                .contains(item.renditions().get(0).url());
    }

    /** A story of this test's own with this lead image, published now, on the demo's section and byline. */
    private ArticleView publish(String headline, LeadImage image) {
        return stories.publish(
                stories.form(headline)
                        .withStandfirst("Standfirst.")
                        .withBody("Body.\n")
                        .withTags(List.of())
                        .withImage(image),
                null);
    }
}
