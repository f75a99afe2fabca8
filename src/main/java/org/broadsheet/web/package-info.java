/** Shared web concerns: the page layout, URL shapes, dates, safe HTML, error pages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.broadsheet.web;
