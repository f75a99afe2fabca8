package org.broadsheet.article;

/**
 * A story reference as written in a body: {@code [[related: key]]} or {@code [[read-more: key]]},
 * where key is an article's slug (current or former) or its numeric id.
 */
record StoryReference(Kind kind, String key) {

    enum Kind {
        RELATED("related"),
        READ_MORE("read-more");

        final String token;

        Kind(String token) {
            this.token = token;
        }

        static Kind fromToken(String token) {
            return "related".equals(token) ? RELATED : READ_MORE;
        }
    }

    boolean isId() {
        return key.chars().allMatch(Character::isDigit);
    }
}
