/**
 * How the rest of the web follows the site: RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds of
 * stories and of approved comments, the sitemaps (an index over paged sitemaps, and a Google
 * News sitemap) and {@code robots.txt}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"article", "taxonomy", "comment", "web", "render", "platform"})
package org.broadsheet.feed;
