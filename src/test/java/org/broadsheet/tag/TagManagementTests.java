package org.broadsheet.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Tags changed from the newsroom: renames keep old addresses and show at once; tags in use stay. */
@BroadsheetTest
class TagManagementTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TagService tags;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleReader reader;

    @Autowired
    MockMvc mvc;

    private static String unique(String base) {
        return base + "-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    private ArticleView publishWith(Tag tag) {
        long id = articles.create(new ArticleForm(
                        unique("tagged-story"),
                        "Tagged " + tag.name(),
                        "Standfirst.",
                        "Body.\n",
                        "asia",
                        List.of("mei-lin-zhou"),
                        List.of(tag.slug()),
                        null))
                .id();
        articles.publish(id, Instant.now().minusSeconds(60));
        return reader.findById(id).orElseThrow();
    }

    private MvcResult fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn();
    }

    @Test
    void renamedTagShowsOnArticlesAtOnceAndItsOldAddressAnswers301() throws Exception {
        Tag tag = tags.create(new TagForm(unique("monsoon"), "Monsoon", "topic"));
        ArticleView story = publishWith(tag);
        assertThat(story.tags()).extracting(ArticleView.Link::name).containsExactly("Monsoon");

        String newSlug = unique("monsoon-season");
        Tag renamed = tags.update(tag.id(), new TagForm(newSlug, "Monsoon season", "place"));
        assertThat(renamed.kind()).isEqualTo("place");
        assertThat(reader.findById(story.id()).orElseThrow().tags())
                .extracting(ArticleView.Link::name)
                .containsExactly("Monsoon season");

        MvcResult old = fetch("/tag/" + tag.slug());
        assertThat(old.getResponse().getStatus()).isEqualTo(301);
        assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/tag/" + newSlug);
        assertThat(fetch("/tag/" + tag.slug() + "/page/3").getResponse().getRedirectedUrl())
                .isEqualTo("/tag/" + newSlug + "/page/3");
        assertThat(fetch("/tag/" + newSlug).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void tagInUseCannotBeDeletedButAnUnusedOneCan() throws Exception {
        Tag used = tags.create(new TagForm(unique("harvest"), "Harvest", null));
        publishWith(used);
        assertThatThrownBy(() -> tags.delete(used.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("tag: “Harvest” is on 1 article. Remove it from them before deleting it.");

        Tag unused = tags.create(new TagForm(unique("drizzle"), "Drizzle", "topic"));
        tags.delete(unused.id());
        assertThat(tags.findById(unused.id())).isEmpty();
        assertThat(fetch("/tag/" + unused.slug()).getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> tags.delete(unused.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void changesAreCheckedLikeACreate() {
        Tag tag = tags.create(new TagForm(unique("sleet"), "Sleet", "topic"));
        assertThatThrownBy(() -> tags.update(tag.id(), new TagForm("diplomacy", "Sleet", "topic")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> tags.update(tag.id(), new TagForm(tag.slug(), "Sleet", "weather")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Kind must be one of topic, person, place, organisation");
        assertThat(tags.findById(tag.id())).contains(tag);
        assertThatThrownBy(() -> tags.update(987_654_321L, new TagForm("x", "X", "topic")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listIsByNameWithArticleCountsAndSearchable() {
        String word = unique("Qx");
        Tag b = tags.create(new TagForm(unique("b-tag"), word + " beta", "topic"));
        Tag a = tags.create(new TagForm(unique("a-tag"), word + " alpha", "person"));
        publishWith(b);

        ResultPage<TagSummary> found = tags.list(word.toLowerCase(), 1, 10);
        assertThat(found.total()).isEqualTo(2);
        assertThat(found.items()).extracting(s -> s.tag().id()).containsExactly(a.id(), b.id());
        assertThat(found.items()).extracting(TagSummary::articles).containsExactly(0L, 1L);
        assertThat(tags.list(b.slug(), 1, 10).items())
                .extracting(s -> s.tag().id())
                .containsExactly(b.id());
        assertThat(tags.list(word, 2, 1).items()).extracting(s -> s.tag().id()).containsExactly(b.id());
        assertThat(tags.list(null, 1, 5).total()).isGreaterThanOrEqualTo(found.total() + 5);
    }
}
