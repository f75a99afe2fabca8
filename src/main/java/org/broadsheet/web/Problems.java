package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects broken rules during validation, then throws them together. Not thread-safe; one per call. */
public final class Problems {

    private final List<ValidationException.Problem> problems = new ArrayList<>();

    public Problems require(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new ValidationException.Problem(field, message));
        }
        return this;
    }

    /** Requires text that is present (not blank) and at most {@code max} characters long. */
    public Problems requireText(String value, String field, String label, int max) {
        if (value == null || value.isBlank()) {
            return require(false, field, label + " is required");
        }
        return maxLength(value, field, label, max);
    }

    public Problems maxLength(String value, String field, String label, int max) {
        // The message is made only for a value that is too long: an import checks millions of fields.
        if (value == null || value.length() <= max) {
            return this;
        }
        return require(false, field, String.format(Locale.ENGLISH, "%s must be at most %,d characters", label, max));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
