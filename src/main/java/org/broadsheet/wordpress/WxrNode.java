package org.broadsheet.wordpress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One element of a WXR file below the channel (an author, a term, an item) with what it holds.
 * Names carry a fixed prefix whatever the file declared: {@code wp:} for the WordPress export
 * namespace of any version, {@code content:}, {@code excerpt:}, {@code dc:}; RSS's own have none.
 *
 * @param text the element's text, CDATA sections joined
 */
record WxrNode(String name, Map<String, String> attributes, String text, List<WxrNode> children) {

    /** The text of the first child called {@code name}, or "" when there is none. */
    String text(String name) {
        WxrNode child = child(name);
        return child == null ? "" : child.text();
    }

    @Nullable
    WxrNode child(String name) {
        for (WxrNode child : children) {
            if (child.name.equals(name)) {
                return child;
            }
        }
        return null;
    }

    /** The children called {@code name}, in order (a loop: called several times for each item and comment). */
    List<WxrNode> all(String name) {
        List<WxrNode> found = null;
        for (WxrNode child : children) {
            if (child.name.equals(name)) {
                found = found == null ? new ArrayList<>(4) : found;
                found.add(child);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
