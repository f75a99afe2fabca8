package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.broadsheet.article.NoteKind;
import org.junit.jupiter.api.Test;

/** The demo article format: header lines, a --- line, the Markdown body. */
class DemoEditionLoaderTests {

    @Test
    void readsHeaderNotesImageAndBody() {
        var article = DemoEditionLoader.parse("""
                slug: quake-strikes
                headline: Quake strikes: many feared hurt
                standfirst: A strong earthquake hit the coast.
                section: americas
                authors: daniel-reyes, amara-okafor
                tags: earthquakes, peru
                published: 2026-10-05T07:30:00Z
                updated: 2026-10-05T12:00:00Z
                image: /assets/images/demo/x.svg
                image-alt: A cracked road
                image-caption: The road south of the city.
                image-credit: Illustration: desk
                image-size: 800x450
                correction: 2026-10-06T09:00:00Z | The magnitude was 7.2, not 7.5.
                note: 2026-10-05T12:00:00Z | Added the death toll.
                ---
                ## Aftermath

                Body text: with a colon.
                """);
        assertThat(article.form().slug()).isEqualTo("quake-strikes");
        assertThat(article.form().headline()).isEqualTo("Quake strikes: many feared hurt");
        assertThat(article.form().authors()).containsExactly("daniel-reyes", "amara-okafor");
        assertThat(article.form().tags()).containsExactly("earthquakes", "peru");
        assertThat(article.form().image().width()).isEqualTo(800);
        assertThat(article.form().image().credit()).isEqualTo("Illustration: desk");
        assertThat(article.form().body()).startsWith("## Aftermath").contains("Body text: with a colon.");
        assertThat(article.published()).isEqualTo(Instant.parse("2026-10-05T07:30:00Z"));
        assertThat(article.updated()).isEqualTo(Instant.parse("2026-10-05T12:00:00Z"));
        assertThat(article.notes())
                .extracting(DemoEditionLoader.DemoNote::kind)
                .containsExactly(NoteKind.CORRECTION, NoteKind.UPDATE);
        assertThat(article.notes().get(0).text()).isEqualTo("The magnitude was 7.2, not 7.5.");
    }

    @Test
    void articleWithoutBodySeparatorIsRefused() {
        assertThatThrownBy(() -> DemoEditionLoader.parse("slug: x\nheadline: y\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
