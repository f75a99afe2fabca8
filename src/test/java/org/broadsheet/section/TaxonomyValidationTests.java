package org.broadsheet.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.author.AuthorForm;
import org.broadsheet.author.AuthorService;
import org.broadsheet.tag.TagForm;
import org.broadsheet.tag.TagService;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sections, authors and tags refuse bad input and change nothing. */
@BroadsheetTest
class TaxonomyValidationTests {

    @Autowired
    SectionService sections;

    @Autowired
    AuthorService authors;

    @Autowired
    TagService tags;

    @Test
    void sectionSlugThatTheSiteUsesForItsOwnPagesIsRefused() {
        for (String reserved : new String[] {"page", "tag", "author", "assets", "search", "newsroom"}) {
            assertThatThrownBy(() -> sections.create(new SectionForm(reserved, "Name", "", null)))
                    .as(reserved)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("reserved");
        }
    }

    @Test
    void malformedDuplicateOrNamelessSectionsAreRefused() {
        int before = sections.all().size();
        assertThatThrownBy(() -> sections.create(new SectionForm("Latin America", "Latin America", "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> sections.create(new SectionForm("americas", "Americas again", "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> sections.create(new SectionForm("oceania", " ", "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Name");
        assertThat(sections.all()).hasSize(before);
        assertThat(sections.findBySlug("oceania")).isEmpty();
    }

    @Test
    void authorsAndTagsNeedAValidUnusedSlugAndAName() {
        assertThatThrownBy(() -> authors.create(new AuthorForm("amara-okafor", "Someone Else", "", "")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> authors.create(new AuthorForm("new-author", "", "", "")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Name");
        assertThatThrownBy(() -> tags.create(new TagForm("diplomacy", "Diplomacy", "topic")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> tags.create(new TagForm("new-tag", "New tag", "weather")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Kind");
        assertThat(authors.findBySlug("new-author")).isEmpty();
        assertThat(tags.findBySlug("new-tag")).isEmpty();
    }
}
