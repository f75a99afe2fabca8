package org.broadsheet.article;

import java.util.List;

/**
 * A body rendered on save: sanitised HTML in which each resolved story reference is a
 * marker ({@link BodyRenderer#marker}), the references it holds, and warnings for
 * references that name no article.
 */
record RenderedBody(String html, List<ResolvedReference> references, List<String> warnings) {

    record ResolvedReference(StoryReference.Kind kind, long targetId) {}
}
