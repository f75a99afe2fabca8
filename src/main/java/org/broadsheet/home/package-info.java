/** The front page. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "section", "web"})
package org.broadsheet.home;
