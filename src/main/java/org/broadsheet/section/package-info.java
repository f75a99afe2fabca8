/** Sections and the site navigation. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "web")
package org.broadsheet.section;
