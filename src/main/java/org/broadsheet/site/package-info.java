/**
 * The site's identity: the name and tagline an administrator gives it (stored in the one-row
 * {@code site_identity} table, kept in memory and forgotten on every node when it changes),
 * over {@code broadsheet.site.*}. Every page's layout reads it through
 * {@link org.broadsheet.web.SiteIdentitySource}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform"})
package org.broadsheet.site;
