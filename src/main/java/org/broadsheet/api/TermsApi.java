package org.broadsheet.api;

import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sections (in navigation order), tags with their kinds, and authors: each list whole, in one page. */
@RestController
record TermsApi(SectionService sections, TagService tags, AuthorService authors, ApiViews views) {

    @GetMapping(ApiPaths.SECTIONS)
    ApiJson.Page<ApiJson.Section> listSections() {
        return new ApiJson.Page<>(sections.all().stream().map(views::section).toList(), null);
    }

    @GetMapping(ApiPaths.TAGS)
    ApiJson.Page<ApiJson.Tag> listTags() {
        return new ApiJson.Page<>(tags.all().stream().map(views::tag).toList(), null);
    }

    @GetMapping(ApiPaths.AUTHORS)
    ApiJson.Page<ApiJson.Author> listAuthors() {
        return new ApiJson.Page<>(authors.all().stream().map(views::author).toList(), null);
    }
}
