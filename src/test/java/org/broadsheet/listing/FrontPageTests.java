package org.broadsheet.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.LeadImage;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front page's lead story as a reader sees it: its picture with the caption and credit
 * under it. The test's story leads the front page only inside its own transaction, which rolls
 * back.
 */
@BroadsheetTest
@Transactional
class FrontPageTests extends SiteTest {

    private static final String PICTURE = "/assets/images/demo/container-ship.svg";

    private static ArticleForm withPicture(ArticleForm form, String caption, String credit) {
        return form.withImage(new LeadImage(PICTURE, "A ship at sea", caption, credit, 1200, 675));
    }

    @Test
    void theLeadStoryShowsTheCaptionAndCreditAsItsArticlePageDoesEscaped() {
        String evil = "<script>alert(1)</script> & <b>bold</b>";
        ArticleForm form =
                stories.form("Lead with a caption").withSection("europe").withTags(List.of());
        ArticleView story = stories.publish(withPicture(form, "Caption " + evil, "Credit " + evil), null);

        Document front = site.page("/");
        assertThat(front.html()).doesNotContain("<script>alert").doesNotContain("<b>bold");
        Element lead = front.selectFirst(".lead-story");
        assertThat(lead.selectFirst(".lead-story-headline").text()).isEqualTo("Lead with a caption");
        assertThat(lead.selectFirst(".lead-story-headline a").attr("href")).isEqualTo(story.url());
        assertThat(lead.selectFirst("figure.lead-image img").attr("src")).isEqualTo(PICTURE);
        assertThat(lead.selectFirst("figure.lead-image figcaption .caption").text())
                .isEqualTo("Caption " + evil);
        assertThat(lead.selectFirst("figure.lead-image figcaption .credit").text())
                .isEqualTo("Credit " + evil);

        Element onArticlePage = site.page(story.url()).selectFirst("figure.lead-image");
        assertThat(lead.selectFirst("figcaption").outerHtml())
                .isEqualTo(onArticlePage.selectFirst("figcaption").outerHtml());

        articles.update(story.id(), withPicture(form, "Only a caption", " "));
        Element captionOnly = site.page("/").selectFirst(".lead-story figcaption");
        assertThat(captionOnly.select(".caption").text()).isEqualTo("Only a caption");
        assertThat(captionOnly.select(".credit")).isEmpty();

        articles.update(story.id(), withPicture(form, "", " "));
        Element blank = site.page("/").selectFirst(".lead-story");
        assertThat(blank.selectFirst(".lead-story-headline a").attr("href")).isEqualTo(story.url());
        assertThat(blank.select("figure.lead-image img")).hasSize(1);
        assertThat(blank.select("figcaption"))
                .as("nothing under the picture when both are blank")
                .isEmpty();
    }
}
