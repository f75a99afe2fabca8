/** The demo edition loaded on first start, and the article generator used by benchmarks. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "article", "taxonomy", "comment", "web", "platform"})
package org.broadsheet.demo;
