package org.broadsheet.comment;

import java.util.Optional;

/** What a moderator can do to one comment, or to several at once. */
public enum CommentAction {
    APPROVE("approve", "Approve"),
    SPAM("spam", "Mark as spam"),
    TRASH("trash", "Move to trash"),
    RESTORE("restore", "Restore"),
    DELETE_FOREVER("delete", "Delete forever");

    private final String key;
    private final String label;

    CommentAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name forms and URLs use: {@code "approve"}, {@code "delete"}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The action with that key; empty for anything else. */
    public static Optional<CommentAction> fromKey(String key) {
        for (CommentAction action : values()) {
            if (action.key.equals(key)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
