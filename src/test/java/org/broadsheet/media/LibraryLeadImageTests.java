package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.LeadImage;
import org.broadsheet.web.PageChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** An article whose lead image comes from the library offers its renditions to the browser. */
@BroadsheetTest
class LibraryLeadImageTests extends MediaTest {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleReader reader;

    @Autowired
    ArticleDesk desk;

    @Test
    void articlePageOffersEveryRenditionWithSizesAndTheDefaultRenditionsDimensions() throws Exception {
        MediaItem item = fixtures.upload("quay.jpg", TestImages.jpeg(2400, 1600), "Library alt");
        library.updateDetails(item.id(), "Library alt", "Library caption", "Library credit");
        ArticleView article = publish(
                "Lead from the library",
                LeadImage.fromLibrary(
                        library.image(item.id()).orElseThrow(), "Stevedores on the quay at dusk", "", ""));

        byte[] html = mvc.perform(get(article.url())).andReturn().getResponse().getContentAsByteArray();
        assertThat(new PageChecks().htmlErrors("article with a library lead image", html))
                .isEmpty();
        Document page = Jsoup.parse(new String(html, java.nio.charset.StandardCharsets.UTF_8));

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
            mvc.perform(get(candidate.split(" ")[0]))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        }
    }

    @Test
    void sectionPageTeaserOffersTheRenditionsToo() throws Exception {
        MediaItem item = fixtures.upload("teaser.jpg", TestImages.jpeg(1600, 900), "Teaser alt");
        ArticleView article = publish("Teaser from the library", LeadImage.fromLibrary(item.image(), "", "", ""));

        Element teaser = page(article.sectionUrl()).select("article.teaser").stream()
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
    void imagesGivenByPathKeepTheirPlainImgTag() throws Exception {
        ArticleView article = publish(
                "Lead by path",
                new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "A caption", "A credit", 1200, 675));

        Element img = page(article.url()).selectFirst("figure.lead-image img");

        assertThat(img.attr("src")).isEqualTo("/assets/images/demo/port-cranes.svg");
        assertThat(img.hasAttr("srcset")).isFalse();
        assertThat(img.hasAttr("sizes")).isFalse();
        assertThat(img.attr("width")).isEqualTo("1200");
    }

    @Test
    void imageUsedByAnArticleCannotBeDeleted() {
        MediaItem item = fixtures.upload("kept.jpg", TestImages.jpeg(800, 600), "Kept");
        ArticleView article = publish("Keeps its picture", LeadImage.fromLibrary(item.image(), "", "", ""));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> library.delete(item.id()))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        assertThat(library.findById(item.id())).isPresent();
        assertThat(fixtures.stored(item.renditions().get(0).url())).isNotEmpty();
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset()).isNotNull();
    }

    @Test
    void libraryLeadImageSurvivesTheArticlesRevisions() {
        MediaItem item = fixtures.upload("revised.jpg", TestImages.jpeg(1000, 800), "Revised");
        ArticleView article = publish("Revised lead", LeadImage.fromLibrary(item.image(), "", "", ""));
        assertThat(desk.revision(article.id(), 1).image().mediaId()).isEqualTo(item.id());
        assertThat(desk.forEditing(article.id()).form().image().mediaId()).isEqualTo(item.id());

        ArticleForm byPath = desk.forEditing(article.id()).form();
        articles.update(
                article.id(),
                new ArticleForm(
                        byPath.slug(),
                        byPath.headline(),
                        byPath.standfirst(),
                        byPath.body(),
                        byPath.section(),
                        byPath.authors(),
                        byPath.tags(),
                        new LeadImage("/assets/images/demo/port-cranes.svg", "Cranes", "", "", 1200, 675)));
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset()).isNull();

        articles.restore(article.id(), 1, desk.forEditing(article.id()).version(), fixtures.staffMember("editor"));
        assertThat(reader.findById(article.id()).orElseThrow().image().srcset())
                .contains(item.renditions().get(0).url());
    }

    private ArticleView publish(String headline, LeadImage image) {
        String slug = "media-" + System.nanoTime();
        long id = articles.create(new ArticleForm(
                        slug,
                        headline,
                        "Standfirst.",
                        "Body.\n",
                        "americas",
                        List.of("daniel-reyes"),
                        List.of(),
                        image))
                .id();
        workflow.publish(id, null);
        return reader.findById(id).orElseThrow();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());
    }
}
