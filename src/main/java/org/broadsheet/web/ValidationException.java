package org.broadsheet.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A write was refused because its input breaks a rule; nothing was changed. Carries every
 * problem found, field by field, so a form can show them all at once.
 */
public class ValidationException extends RuntimeException {

    /** One broken rule: the field it concerns (as the form names it) and what is wrong, for people. */
    public record Problem(String field, String message) {}

    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")),
                null,
                false,
                false);
        this.problems = List.copyOf(problems);
    }

    /** A refusal for one reason, on one field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
