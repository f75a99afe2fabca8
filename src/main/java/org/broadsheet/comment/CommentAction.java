package org.broadsheet.comment;

import java.util.List;
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

    /**
     * The actions that change a comment with this status, in the order a moderator usually
     * wants them: held comments are approved, spammed or trashed; public ones spammed or
     * trashed; spam approved (a false alarm), and spam and trash restored (to where they came
     * from) or deleted for good.
     */
    public static List<CommentAction> forStatus(CommentStatus status) {
        return switch (status) {
            case PENDING -> List.of(APPROVE, SPAM, TRASH);
            case APPROVED -> List.of(SPAM, TRASH);
            case SPAM -> List.of(APPROVE, RESTORE, DELETE_FOREVER);
            case TRASH -> List.of(RESTORE, DELETE_FOREVER);
        };
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
