/** Tags and topics (people, places, organisations). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "web")
package org.broadsheet.tag;
