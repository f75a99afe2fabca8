/**
 * WordPress migration: {@code export-wxr} writes the whole site as WXR 1.2 (streamed from one
 * snapshot), and {@code import-wxr} reads a WordPress eXtended RSS export (WXR 1.1 and
 * 1.2, gzip or not) with a StAX reader that accepts no DTD and no external entity, item by
 * item, and writes posts and their comments in batches (one transaction each, checked by the
 * article and comment modules' rules and written in bulk; a batch that fails is written again
 * one item per transaction). What each WordPress item became is kept ({@code wordpress_item}),
 * so a second run updates rather than duplicates, and old WordPress addresses answer 301.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"article", "taxonomy", "comment", "media", "account", "web", "platform"})
package org.broadsheet.wordpress;
