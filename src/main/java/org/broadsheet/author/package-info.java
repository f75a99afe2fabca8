/** Authors and bylines. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "web")
package org.broadsheet.author;
