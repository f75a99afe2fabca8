package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.section.Section;
import org.broadsheet.section.SectionSummary;

/**
 * The sections pages' view: every section in navigation order (on the list), or the one
 * being edited, and the form.
 *
 * @param editing the section being edited, or null on the list
 */
public record SectionsView(List<SectionSummary> sections, Section editing, StaffForm form) {

    public boolean isFirst(SectionSummary s) {
        return !sections.isEmpty() && sections.get(0).equals(s);
    }

    public boolean isLast(SectionSummary s) {
        return !sections.isEmpty() && sections.get(sections.size() - 1).equals(s);
    }
}
