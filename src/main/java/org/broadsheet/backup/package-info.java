/**
 * Backups: {@code backup FILE} writes one archive (a zip with a manifest) holding a consistent
 * snapshot of the database, read by {@code COPY} inside one repeatable-read transaction, and
 * every media file; {@code restore FILE} checks an archive whole before it writes anything, and
 * then fills an empty data directory (or an empty external database) from it. The format is in
 * {@link Manifest}; the design in {@code docs/DESIGN.md} ("Backups").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"media", "platform"})
package org.broadsheet.backup;
