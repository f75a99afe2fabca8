package org.broadsheet.article;

import java.time.Instant;

record NoteRow(long articleId, NoteKind kind, Instant notedAt, String body) {
}
