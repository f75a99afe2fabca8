package org.broadsheet.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo                     load the demo edition on first start with an empty database ({@code broadsheet.demo})
 * @param generateArticles         for benchmarks: make sure at least this many articles exist,
 *                                 generating the missing ones ({@code broadsheet.generate-articles}); 0 generates none
 * @param generateComments         for benchmarks: this many approved, threaded comments on the newest generated
 *                                 article, written together with it ({@code broadsheet.generate-comments}); needs
 *                                 {@code generate-articles}; 0 generates none
 * @param generateArchiveComments  for benchmarks: about this many approved comments spread over the generated
 *                                 articles, none to twice the mean each, written with them
 *                                 ({@code broadsheet.generate-archive-comments}); 0 generates none
 * @param generateSections         generated articles are filed under at least this many sections, the existing
 *                                 ones included ({@code broadsheet.generate-sections})
 * @param generateAuthors          ... by at least this many authors ({@code broadsheet.generate-authors})
 * @param generateTags             ... with two of this many topic tags ({@code broadsheet.generate-tags})
 */
@ConfigurationProperties("broadsheet")
public record DemoSettings(
        @DefaultValue("true") boolean demo,
        @DefaultValue("0") int generateArticles,
        @DefaultValue("0") int generateComments,
        @DefaultValue("0") int generateArchiveComments,
        @DefaultValue("6") int generateSections,
        @DefaultValue("8") int generateAuthors,
        @DefaultValue("40") int generateTags) {}
