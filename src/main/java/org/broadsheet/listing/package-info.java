/**
 * Reader pages that list stories newest first: the front page (its lead, top stories and a
 * block per section), the archive, and the pages of a section, a tag and an author.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "taxonomy", "web"})
package org.broadsheet.listing;
