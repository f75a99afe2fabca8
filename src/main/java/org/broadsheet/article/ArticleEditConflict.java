package org.broadsheet.article;

/**
 * A save was refused because someone else saved the article after the editor opened it:
 * saving would silently undo their change. Nothing was changed. Show the editor what changed
 * between {@link #baseVersion()} and {@link #currentVersion()} (both are revisions), keep what
 * they typed, and let them save again from the current version. Answered 409.
 */
public class ArticleEditConflict extends RuntimeException {

    private final long articleId;
    private final int baseVersion;
    private final int currentVersion;

    public ArticleEditConflict(long articleId, int baseVersion, int currentVersion) {
        super(
                "Article " + articleId + " is at version " + currentVersion + ", the edit started from " + baseVersion,
                null,
                false,
                false);
        this.articleId = articleId;
        this.baseVersion = baseVersion;
        this.currentVersion = currentVersion;
    }

    public long articleId() {
        return articleId;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
