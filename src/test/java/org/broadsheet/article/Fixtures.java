package org.broadsheet.article;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Article forms for tests, on the demo edition's sections, authors and tags, with unique slugs. */
final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {}

    static String uniqueSlug(String base) {
        return base + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static ArticleForm article(String headline) {
        return article(uniqueSlug("test-story"), headline, "americas", "Body text.\n");
    }

    static ArticleForm article(String slug, String headline, String section, String body) {
        return new ArticleForm(
                slug,
                headline,
                "A standfirst for " + headline + ".",
                body,
                section,
                List.of("daniel-reyes"),
                List.of("diplomacy"),
                null);
    }

    static ArticleForm withSlug(ArticleForm form, String slug) {
        return new ArticleForm(
                slug,
                form.headline(),
                form.standfirst(),
                form.body(),
                form.section(),
                form.authors(),
                form.tags(),
                form.image());
    }

    static ArticleForm withSection(ArticleForm form, String section) {
        return new ArticleForm(
                form.slug(),
                form.headline(),
                form.standfirst(),
                form.body(),
                section,
                form.authors(),
                form.tags(),
                form.image());
    }

    static ArticleForm withHeadline(ArticleForm form, String headline) {
        return new ArticleForm(
                form.slug(),
                headline,
                form.standfirst(),
                form.body(),
                form.section(),
                form.authors(),
                form.tags(),
                form.image());
    }
}
