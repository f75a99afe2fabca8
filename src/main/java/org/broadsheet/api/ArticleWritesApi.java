package org.broadsheet.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.broadsheet.access.ArticleAccess;
import org.broadsheet.account.Staff;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleEditConflict;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles written with a token: the source as editors hold it, creating a draft and replacing
 * its content, through the calls the newsroom's editor makes ({@link ArticleService#create} and
 * {@link ArticleService#save}, so the same checks, revisions, events and caches) and checked
 * against the token holder's role with {@link ArticleAccess}, as the editor checks it. An update
 * names the version it was read at: one made over someone else's save is a 409.
 */
@RestController
@SecurityRequirement(name = ApiConfiguration.BEARER)
record ArticleWritesApi(
        ArticleService articles,
        ArticleDesk desk,
        TagService tags,
        AuthorService authors,
        ApiViews views,
        SiteUrls urls) {

    /** The article as its editors hold it, in any status, with the version an update must name. */
    @GetMapping(ApiPaths.ARTICLE_SOURCE)
    ResponseEntity<ApiJson.Source> source(TokenHolder holder, @PathVariable String id) {
        EditableArticle article = desk.forEditing(ApiPaths.articleId(id));
        ArticleAccess.require(ArticleAccess.of(holder.staff(), article).open(), "open");
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .body(views.source(article, List.of()));
    }

    /** A new draft owned by the token's holder; without {@code authors}, bylined to the holder's own byline. */
    @PostMapping(path = ApiPaths.ARTICLES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ApiJson.Source> create(TokenHolder holder, @RequestBody ArticleInput input) {
        Staff staff = holder.staff();
        ArticleAccess can = ArticleAccess.forNew(staff);
        input.refuseUnknown();
        ArticleInput content = input.authors() == null ? input.withAuthors(ownByline(staff)) : input;
        ArticleInput.TagChoice chosen = content.tagChoice(tags.all(), can.createTags());
        ArticleSaved saved =
                inApiTerms(() -> articles.create(content.toForm(chosen.slugs()), staff.id(), chosen.created()));
        return ResponseEntity.created(URI.create(urls.absolute(ApiPaths.articleSource(saved.id()))))
                .body(views.source(desk.forEditing(saved.id()), saved.warnings()));
    }

    /** Replaces the article's content as a new revision, unless it moved on since {@code version}. */
    @PutMapping(path = ApiPaths.ARTICLE, consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiJson.Source update(TokenHolder holder, @PathVariable String id, @RequestBody ArticleInput input) {
        Staff staff = holder.staff();
        EditableArticle article = desk.forEditing(ApiPaths.articleId(id));
        ArticleAccess can = ArticleAccess.of(staff, article);
        ArticleAccess.require(can.edit(), "edit");
        input.refuseUnknown();
        Integer version = input.version();
        if (version == null) {
            throw ValidationException.of("version", "Send the version you last read (the source's \"version\")");
        }
        ArticleInput.TagChoice chosen = input.tagChoice(tags.all(), can.createTags());
        try {
            ArticleSaved saved = inApiTerms(() ->
                    articles.save(article.id(), input.toForm(chosen.slugs()), version, staff.id(), chosen.created()));
            return views.source(desk.forEditing(article.id()), saved.warnings());
        } catch (ArticleEditConflict conflict) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "The article is at version " + conflict.currentVersion() + ", not "
                                    + conflict.baseVersion() + ": someone saved it since you read it. Nothing was "
                                    + "changed; read its source again, apply your change and send that version",
                            List.of())
                    .with(Map.of("current_version", conflict.currentVersion()));
        }
    }

    private List<String> ownByline(Staff staff) {
        Long authorId = staff.authorId();
        return authorId == null
                ? List.of()
                : authors.findById(authorId).map(Author::slug).stream().toList();
    }

    /** Runs a write, its refusals named in the API's field names. */
    static <T> T inApiTerms(Supplier<T> write) {
        try {
            return write.get();
        } catch (ValidationException refused) {
            throw ArticleInput.inApiTerms(refused);
        }
    }
}
