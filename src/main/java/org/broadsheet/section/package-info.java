/** Sections and the site navigation. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform"})
package org.broadsheet.section;
