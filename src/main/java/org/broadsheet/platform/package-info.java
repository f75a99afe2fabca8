/** Embedded PostgreSQL, the data source and its migrations, and the site's signing key kept in it. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.platform;
