package org.broadsheet.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo             load the demo edition on first start with an empty database ({@code broadsheet.demo})
 * @param generateArticles for benchmarks: make sure at least this many articles exist,
 *                         generating the missing ones ({@code broadsheet.generate-articles}); 0 generates none
 * @param generateComments for benchmarks: this many approved, threaded comments on the newest generated
 *                         article, written together with it ({@code broadsheet.generate-comments}); needs
 *                         {@code generate-articles}; 0 generates none
 */
@ConfigurationProperties("broadsheet")
public record DemoSettings(
        @DefaultValue("true") boolean demo,
        @DefaultValue("0") int generateArticles,
        @DefaultValue("0") int generateComments) {}
