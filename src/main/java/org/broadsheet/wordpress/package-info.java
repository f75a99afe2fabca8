/**
 * WordPress migration: WXR import and export ({@code import-wxr}, {@code export-wxr}).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"article", "taxonomy", "comment", "media", "web", "platform"})
package org.broadsheet.wordpress;
