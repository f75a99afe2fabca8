package org.broadsheet.author;

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
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Authors changed from the newsroom: renames keep old addresses and show in bylines at once. */
@BroadsheetTest
class AuthorManagementTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AuthorService authors;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleReader reader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static String unique(String base) {
        return base + "-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    private ArticleView publishBy(Author author) {
        long id = articles.create(new ArticleForm(
                        unique("byline-story"),
                        "By " + author.name(),
                        "Standfirst.",
                        "Body.\n",
                        "europe",
                        List.of(author.slug()),
                        List.of(),
                        null))
                .id();
        articles.publish(id, Instant.now().minusSeconds(60));
        return reader.findById(id).orElseThrow();
    }

    private MvcResult fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn();
    }

    @Test
    void renamedAuthorShowsInBylinesAtOnceAndTheOldAddressAnswers301() throws Exception {
        Author author = authors.create(new AuthorForm(
                unique("ines-duarte"),
                "Inês Duarte",
                "Lisbon reporter",
                "Covers Portuguese politics.",
                "/assets/images/demo/ballot-box.svg"));
        assertThat(author.photo()).isEqualTo("/assets/images/demo/ballot-box.svg");
        ArticleView story = publishBy(author);

        String newSlug = unique("ines-duarte-silva");
        Author renamed = authors.update(
                author.id(),
                new AuthorForm(
                        newSlug, "Inês Duarte Silva", "Iberia Editor", "Leads coverage of Spain and Portugal.", ""));
        assertThat(renamed.photo()).as("a blank photo clears it").isNull();
        assertThat(reader.findById(story.id()).orElseThrow().authors())
                .containsExactly(new ArticleView.Link("Inês Duarte Silva", "/author/" + newSlug));

        MvcResult old = fetch("/author/" + author.slug());
        assertThat(old.getResponse().getStatus()).isEqualTo(301);
        assertThat(old.getResponse().getRedirectedUrl()).isEqualTo("/author/" + newSlug);
        assertThat(fetch("/author/" + newSlug).getResponse().getContentAsString())
                .contains("Iberia Editor", "Leads coverage of Spain and Portugal.");
    }

    @Test
    void photoMustBeAPathOnThisSite() {
        for (String photo : new String[] {
            "https://elsewhere.example/me.jpg",
            "//elsewhere.example/me.jpg",
            "portrait.jpg",
            "/media/my portrait.jpg",
            "/media/\"quoted\".jpg",
            "javascript:alert(1)"
        }) {
            assertThatThrownBy(
                            () -> authors.create(new AuthorForm(unique("photo-check"), "Photo Check", "", "", photo)))
                    .as(photo)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ValidationException.Problem::field)
                                    .containsExactly("photo"));
        }
        assertThat(authors.create(new AuthorForm(unique("photo-ok"), "Photo Ok", "", "", " /media/2026/06/me.jpg "))
                        .photo())
                .isEqualTo("/media/2026/06/me.jpg");
    }

    @Test
    void authorWithABylineOrAStaffAccountCannotBeDeleted() {
        Author writer = authors.create(new AuthorForm(unique("busy-writer"), "Busy Writer", "", ""));
        publishBy(writer);
        assertThatThrownBy(() -> authors.delete(writer.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("author: Busy Writer is in the byline of 1 article. "
                        + "Take the byline off them before deleting the author.");

        Author staff = authors.create(new AuthorForm(unique("staff-writer"), "Staff Writer", "", ""));
        long account = jdbc.sql("""
                        insert into staff_user (email, name, password_hash, role, enabled, author_id)
                        values (?, 'Staff Writer', 'not a hash', 'author', false, ?) returning id""")
                .params(unique("staff") + "@example.org", staff.id())
                .query(Long.class)
                .single();
        try {
            assertThatThrownBy(() -> authors.delete(staff.id()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("byline of a staff account");
            assertThat(authors.findById(staff.id())).isPresent();
        } finally {
            jdbc.sql("delete from staff_user where id = ?").param(account).update();
        }

        Author idle = authors.create(new AuthorForm(unique("idle-writer"), "Idle Writer", "", ""));
        assertThat(authors.summaries())
                .filteredOn(s -> s.author().id() == idle.id())
                .singleElement()
                .satisfies(s -> assertThat(s.articles()).isZero());
        authors.delete(idle.id());
        assertThat(authors.findById(idle.id())).isEmpty();
        assertThatThrownBy(() -> authors.delete(idle.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void changesAreCheckedLikeACreate() {
        Author author = authors.create(new AuthorForm(unique("checked"), "Checked", "", ""));
        assertThatThrownBy(() -> authors.update(author.id(), new AuthorForm("amara-okafor", "Checked", "", "")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> authors.update(author.id(), new AuthorForm(author.slug(), " ", "", "x".repeat(1001))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactly("name", "bio"));
        assertThat(authors.findById(author.id())).contains(author);
        assertThatThrownBy(() -> authors.update(987_654_321L, new AuthorForm("x", "X", "", "")))
                .isInstanceOf(NotFoundException.class);
    }
}
