package org.broadsheet.newsroom;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.broadsheet.web.ValidationException;

/**
 * A newsroom form as shown again: what was typed and what was wrong with it, field by field,
 * so a refused form keeps every character and puts each error beside its field. Templates
 * use {@link #value}, {@link #error}, {@link #invalid} and {@link #describedBy}.
 *
 * @param problem a message for the whole form, or null
 */
public record StaffForm(Map<String, String> values, Map<String, String> errors, String problem) {

    public StaffForm {
        values = Map.copyOf(withoutNulls(values));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors)); // in the order found
    }

    public static StaffForm empty() {
        return new StaffForm(Map.of(), Map.of(), null);
    }

    public static StaffForm of(Map<String, String> values) {
        return new StaffForm(values, Map.of(), null);
    }

    /** A form record's values as shown in the form's fields, by component name (see {@link FormValues}). */
    public static StaffForm of(Record form) {
        return of(FormValues.of(form));
    }

    /** A form record as typed, with the refusal's problems beside their fields. */
    public static StaffForm refused(Record typed, ValidationException refusal) {
        return refused(FormValues.of(typed), refusal);
    }

    /**
     * The same values without errors beside fields: the first problem instead says what was
     * refused (an action on the whole thing, such as a delete, rather than a field typed).
     */
    public StaffForm asProblem() {
        return new StaffForm(
                values, Map.of(), errors.values().stream().findFirst().orElse(problem));
    }

    /** The same form with every error on {@code field} instead, each reworded, the first kept. */
    public StaffForm errorsOn(String field, UnaryOperator<String> reword) {
        Map<String, String> moved = errors.isEmpty()
                ? Map.of()
                : Map.of(field, reword.apply(errors.values().iterator().next()));
        return new StaffForm(values, moved, problem);
    }

    /** The first error found, or null. */
    public String firstError() {
        return errors.values().stream().findFirst().orElse(null);
    }

    /** Every error, in the order found, as one sentence (for a form whose problems are not a field's). */
    public String allErrors() {
        return String.join(" ", errors.values());
    }

    /** The typed values with the refusal's problems beside their fields (the first per field wins). */
    public static StaffForm refused(Map<String, String> values, ValidationException refusal) {
        return refused(values, refusal.problems());
    }

    public static StaffForm refused(Map<String, String> values, List<ValidationException.Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return new StaffForm(
                values,
                errors,
                errors.size() == 1
                        ? "Please correct the field marked below."
                        : "Please correct the fields marked below.");
    }

    /** Refuses a new password typed twice differently: an error on the form's "confirm" field. */
    static String confirmed(String password, String confirm) {
        if (!Objects.requireNonNullElse(password, "").equals(Objects.requireNonNullElse(confirm, ""))) {
            throw ValidationException.of("confirm", "The two passwords differ");
        }
        return password;
    }

    public StaffForm withProblem(String message) {
        return new StaffForm(values, errors, message);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        String v = values.get(field);
        return v != null && !v.isEmpty() && !v.equals("false");
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** {@code "true"} for a field with an error, else null (so the attribute is left out). */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** The ids that describe a field: its hint (if any) and its error (if any), or null. */
    public String describedBy(String field, String hintId) {
        String error = errors.containsKey(field) ? idFor(field) + "-error" : null;
        if (error == null) {
            return hintId;
        }
        return hintId == null ? error : hintId + " " + error;
    }

    /** A field name made safe as an HTML id: {@code image.alt} becomes {@code image-alt}. */
    public static String idFor(String field) {
        return field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
