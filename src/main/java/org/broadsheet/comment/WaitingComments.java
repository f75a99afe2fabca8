package org.broadsheet.comment;

import java.time.Instant;
import java.util.Optional;

/**
 * The comments waiting for a moderator, for the notices that tell editors.
 *
 * @param count  how many wait
 * @param newest when the newest of them was posted; empty when none waits
 */
public record WaitingComments(long count, Optional<Instant> newest) {}
