package org.broadsheet.newsroom;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of a form record as its fields show them, by component name: text as it is,
 * numbers and booleans as text; nulls and lists (shown by their own fields) are left out.
 */
final class FormValues {

    private FormValues() {}

    static Map<String, String> of(Record form) {
        Map<String, String> values = new HashMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            Object value = read(form, component);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                values.put(component.getName(), value.toString());
            }
        }
        return values;
    }

    private static Object read(Record form, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(form);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component + " of a form", e);
        }
    }
}
