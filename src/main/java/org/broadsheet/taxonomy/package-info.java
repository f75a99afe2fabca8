/**
 * Sections, tags and authors: the three taxonomies that classify articles. They share one
 * mechanism ({@link TermService}, {@link TermRepository}): slugs made from names, renames that
 * keep the former slug answering 301, deletes refused while articles use a term, the
 * {@link TaxonomyChanged} event every change publishes, and a cached list that hears it. Each
 * keeps what is its own: a section's order and the site navigation, a tag's kind, an author's
 * job title, bio and photo.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform"})
package org.broadsheet.taxonomy;
