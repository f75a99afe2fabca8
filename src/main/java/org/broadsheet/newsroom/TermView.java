package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.taxonomy.Term;

/** A term's edit page: its form, where readers find it, and how to delete it. */
public record TermView(
        TermScreen screen, Term term, String url, String readerUrl, StaffForm form, List<FormField> fields) {

    public String photo() {
        return screen.photo(term);
    }
}
