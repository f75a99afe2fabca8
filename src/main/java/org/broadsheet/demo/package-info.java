/** The demo edition loaded on first start, and the article generator used by benchmarks. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "article", "section", "author", "tag", "comment", "web"})
package org.broadsheet.demo;
