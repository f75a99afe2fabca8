package org.broadsheet.article;

import java.util.Locale;

/** A correction (an error was fixed) or an update (the story changed materially). */
public enum NoteKind {
    CORRECTION,
    UPDATE;

    String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NoteKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
