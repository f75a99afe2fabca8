package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.wordpress.WordPressImports;

/**
 * The WordPress import page: the upload form, the sections pages may go into, and the recent
 * imports of every server (newest first).
 *
 * @param maxUploadSize "20 MB", for the form's hint
 */
public record WordPressImportView(
        StaffForm form, List<Section> sections, List<WordPressImports.Job> jobs, String maxUploadSize) {

    /** Where WordPress pages may go: a section each. */
    public List<FormField.Option> sectionOptions() {
        return sections.stream()
                .map(s -> new FormField.Option(s.slug(), "Import them into " + s.name()))
                .toList();
    }
}
