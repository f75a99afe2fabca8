package org.broadsheet.newsroom;

import java.util.List;

/**
 * One labelled field of a newsroom form, described in Java so that its limits are read from
 * the rules' own constants; {@code newsroom/form/field.jte} renders it with its hint and error.
 *
 * @param max  the longest value accepted (from the rule's constant), or null
 * @param rows a text area's height, or null
 */
public record FormField(
        String name,
        String label,
        Control control,
        Integer max,
        boolean required,
        String hint,
        String pattern,
        Integer rows,
        List<Option> options) {

    /** How the field is typed in. */
    public enum Control {
        TEXT,
        TEXTAREA,
        SELECT
    }

    /** One choice of a select. */
    public record Option(String value, String label) {}

    public static FormField text(String name, String label, int max) {
        return new FormField(name, label, Control.TEXT, max, false, null, null, null, List.of());
    }

    public static FormField textarea(String name, String label, int rows, int max) {
        return new FormField(name, label, Control.TEXTAREA, max, false, null, null, rows, List.of());
    }

    public static FormField select(String name, String label, List<Option> options) {
        return new FormField(name, label, Control.SELECT, null, false, null, null, null, List.copyOf(options));
    }

    public FormField asRequired() {
        return new FormField(name, label, control, max, true, hint, pattern, rows, options);
    }

    public FormField hint(String text) {
        return new FormField(name, label, control, max, required, text, pattern, rows, options);
    }

    public FormField pattern(String regex) {
        return new FormField(name, label, control, max, required, hint, regex, rows, options);
    }
}
