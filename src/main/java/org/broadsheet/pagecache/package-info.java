/**
 * The page cache: reader pages rendered once and kept in memory with their gzip form, served
 * before Spring MVC and the security filter chain do any work, and dropped precisely when
 * what they show changes, on every node.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "comment", "site", "web", "platform"})
package org.broadsheet.pagecache;

import org.jspecify.annotations.NullMarked;
