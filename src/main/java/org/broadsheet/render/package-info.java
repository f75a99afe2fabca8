/** Page rendering into bytes: jte views with Content-Length and strong ETags, kept HTML parts, gzip assembly. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.broadsheet.render;
