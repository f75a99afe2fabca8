package org.broadsheet.article;

import java.time.Instant;

record NoteRow(NoteKind kind, Instant notedAt, String body) {}
