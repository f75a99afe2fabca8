package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorForm.fields;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * The editor offers the places a story's text names as place tags: a person accepts or
 * dismisses each with a button of the editor's own form (no script needed); nothing is tagged
 * until someone accepts, and a dismissed place is not offered again for that story.
 */
@BroadsheetTest
@Transactional
class PlaceSuggestionTests extends SiteTest {

    private static final String BODY =
            "The Uzbek delegation reached Astana by train. Officials from Kazakhstan and Türkiye met them.\n";

    @Autowired
    TagService tags;

    private long draft(Role role) {
        return stories.draft(
                stories.form(Unique.name("Rail talks")).withBody(BODY).withTags(List.of()), staff.member(role));
    }

    private Document editor(Role role, long id) {
        return site.page("/newsroom/articles/" + id, staff.as(role));
    }

    private List<String> offered(Document editor) {
        return editor.select("#places .nr-place-name").eachText();
    }

    private MockHttpServletResponse choose(Role role, long id, String choice) {
        MultiValueMap<String, String> form = fields(editor(role, id));
        form.add("place", choice);
        return site.perform(post("/newsroom/articles/" + id)
                .params(form)
                .with(staff.as(role))
                .with(csrf()));
    }

    @Test
    void placesInTheTextAreOfferedAndNothingIsTaggedUntilAccepted() {
        long id = draft(Role.EDITOR);
        Document page = editor(Role.EDITOR, id);
        assertThat(offered(page)).containsExactly("Uzbekistan", "Astana", "Kazakhstan", "Türkiye");
        assertThat(page.select("#places button[value=accept:astana]").text()).isEqualTo("Add as place tag");
        assertThat(desk.forEditing(id).form().tags()).isEmpty();

        assertThat(choose(Role.EDITOR, id, "accept:astana").getStatus()).isEqualTo(303);
        assertThat(desk.forEditing(id).form().tags()).containsExactly("astana");
        Tag astana = tags.findBySlug("astana").orElseThrow();
        assertThat(astana.kind()).isEqualTo("place");
        assertThat(offered(editor(Role.EDITOR, id))).containsExactly("Uzbekistan", "Kazakhstan", "Türkiye");
    }

    @Test
    void aDismissedPlaceIsNotOfferedAgainForThatStory() {
        long id = draft(Role.EDITOR);
        assertThat(choose(Role.EDITOR, id, "dismiss:kazakhstan").getStatus()).isEqualTo(303);
        assertThat(offered(editor(Role.EDITOR, id))).containsExactly("Uzbekistan", "Astana", "Türkiye");
        assertThat(desk.forEditing(id).form().tags()).isEmpty();

        long other = draft(Role.EDITOR);
        assertThat(offered(editor(Role.EDITOR, other)))
                .as("another story still gets it")
                .contains("Kazakhstan");
    }

    @Test
    void whoCannotMakeTagsMayOnlyAcceptPlacesThatAreTagsAlready() {
        tags.create(org.broadsheet.taxonomy.TermForm.tag("uzbekistan", "Uzbekistan", "place"));
        long id = draft(Role.CONTRIBUTOR);
        Document page = editor(Role.CONTRIBUTOR, id);
        assertThat(page.select("#places button[value=accept:uzbekistan]")).hasSize(1);
        assertThat(page.select("#places button[value=accept:turkiye]")).isEmpty();
        assertThat(page.select("#places button[value=dismiss:turkiye]")).hasSize(1);
        assertThat(choose(Role.CONTRIBUTOR, id, "accept:turkiye").getStatus()).isEqualTo(403);
        assertThat(tags.findBySlug("turkiye")).isEmpty();
        assertThat(choose(Role.CONTRIBUTOR, id, "accept:uzbekistan").getStatus())
                .isEqualTo(303);
        assertThat(desk.forEditing(id).form().tags()).containsExactly("uzbekistan");
    }

    @Test
    void anUnknownPlaceOrChoiceIsRefusedAndChangesNothing() throws Exception {
        long id = draft(Role.EDITOR);
        int version = desk.forEditing(id).version();
        assertThat(choose(Role.EDITOR, id, "accept:atlantis").getStatus()).isEqualTo(404);
        assertThat(choose(Role.EDITOR, id, "adopt:astana").getStatus()).isEqualTo(404);
        assertThat(desk.forEditing(id).version()).isEqualTo(version);
        assertThat(Jsoup.parse(site.get("/newsroom/articles/" + id, staff.as(Role.EDITOR))
                                .getContentAsString())
                        .select("#places li"))
                .hasSize(4);
    }
}
