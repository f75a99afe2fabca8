/**
 * Finding stories: PostgreSQL full-text search over headlines, standfirsts, bodies and tag
 * names (the {@code /search} page), and the related stories shown on an article page.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"article", "taxonomy", "web", "render", "platform"})
package org.broadsheet.search;
