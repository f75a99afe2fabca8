/** Embedded PostgreSQL, the data source and its migrations. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.platform;
