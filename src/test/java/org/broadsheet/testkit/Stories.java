package org.broadsheet.testkit;

import java.time.Instant;
import java.util.List;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.ArticleWorkflow;
import org.springframework.stereotype.Component;

/**
 * Articles for tests, written through the real article service. {@link #form} makes a draft's
 * form with a unique slug on the demo edition's section, byline and tag; change what a test
 * needs with the form's {@code with…} methods. {@link #publish} puts it on the site.
 * <pre>
 * ArticleView story = stories.publish(stories.form("Flooding in the delta").withSection(desk.slug()));
 * </pre>
 */
@Component
public record Stories(ArticleService articles, ArticleWorkflow workflow, ArticleReader reader) {

    /** The demo edition's section, byline and tag every new form starts with. */
    public static final String SECTION = "americas";

    public static final String AUTHOR = "daniel-reyes";
    public static final String TAG = "diplomacy";

    /** A draft's form: this headline, a unique slug, a standfirst and a one-line body. */
    public ArticleForm form(String headline) {
        return new ArticleForm(
                Unique.slug("test-story"),
                headline,
                "A standfirst for " + headline + ".",
                "Body text.\n",
                SECTION,
                List.of(AUTHOR),
                List.of(TAG),
                null);
    }

    /** Writes the form as a draft; returns its id. */
    public long draft(ArticleForm form) {
        return articles.create(form).id();
    }

    /**
     * Writes the form as a draft owned by {@code owner}, as their first save does (which also
     * drops their unsaved new article); returns its id.
     */
    public long draft(ArticleForm form, StaffMembers.Member owner) {
        return articles.create(form, owner.staff().id(), List.of()).id();
    }

    /** Writes and publishes the form, dated a minute ago; returns what readers see. */
    public ArticleView publish(ArticleForm form) {
        return publish(form, Instant.now().minusSeconds(60));
    }

    /** Writes and publishes the form, dated {@code at}; returns what readers see. */
    public ArticleView publish(ArticleForm form, Instant at) {
        long id = draft(form);
        workflow.publish(id, at);
        return view(id);
    }

    /** What readers see of article {@code id} now. */
    public ArticleView view(long id) {
        return reader.findById(id).orElseThrow(() -> new AssertionError("Article " + id + " is not public"));
    }
}
