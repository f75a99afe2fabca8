package org.broadsheet.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.LeadImage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The front page's lead story as a reader sees it: its picture with the caption and credit under it. */
@BroadsheetTest
class FrontPageTests {

    private static final String PICTURE = "/assets/images/demo/container-ship.svg";

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleWorkflow workflow;

    @Autowired
    ArticleReader reader;

    private Document page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static ArticleForm story(String slug, String caption, String credit) {
        return new ArticleForm(
                slug,
                "Lead with a caption " + slug,
                "A standfirst.",
                "Text.\n",
                "europe",
                List.of("daniel-reyes"),
                List.of(),
                new LeadImage(PICTURE, "A ship at sea", caption, credit, 1200, 675));
    }

    @Test
    void theLeadStoryShowsTheCaptionAndCreditAsItsArticlePageDoesEscaped() throws Exception {
        String slug = "front-caption-" + System.nanoTime();
        String evil = "<script>alert(1)</script> & <b>bold</b>";
        long id = articles.create(story(slug, "Caption " + evil, "Credit " + evil))
                .id();
        workflow.publish(id, null);
        try {
            String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold");
            Element lead = Jsoup.parse(html).selectFirst(".lead-story");
            assertThat(lead.selectFirst(".lead-story-headline").text()).endsWith(slug);
            assertThat(lead.selectFirst("figure.lead-image img").attr("src")).isEqualTo(PICTURE);
            assertThat(lead.selectFirst("figure.lead-image figcaption .caption").text())
                    .isEqualTo("Caption " + evil);
            assertThat(lead.selectFirst("figure.lead-image figcaption .credit").text())
                    .isEqualTo("Credit " + evil);

            Element onArticlePage =
                    page(reader.findBySlug(slug).orElseThrow().url()).selectFirst("figure.lead-image");
            assertThat(lead.selectFirst("figcaption").outerHtml())
                    .isEqualTo(onArticlePage.selectFirst("figcaption").outerHtml());

            articles.update(id, story(slug, "Only a caption", " "));
            Element captionOnly = page("/").selectFirst(".lead-story figcaption");
            assertThat(captionOnly.select(".caption").text()).isEqualTo("Only a caption");
            assertThat(captionOnly.select(".credit")).isEmpty();

            articles.update(id, story(slug, "", " "));
            Element blank = page("/").selectFirst(".lead-story");
            assertThat(blank.selectFirst(".lead-story-headline").text()).endsWith(slug);
            assertThat(blank.select("figure.lead-image img")).hasSize(1);
            assertThat(blank.select("figcaption"))
                    .as("nothing under the picture when both are blank")
                    .isEmpty();
        } finally {
            workflow.unpublish(id); // other reader-page tests expect the demo edition's front page
        }
    }
}
