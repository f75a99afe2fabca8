/**
 * Operations: what the site tells its operators. Request ids in every log line and response
 * ({@link org.broadsheet.ops.RequestMetrics}), request rate and latency per route, the access
 * log's masked request line ({@link org.broadsheet.ops.AccessLogLines}), and the management
 * port's wiring. Each feature records its own meters; this package holds what they share.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
package org.broadsheet.ops;
