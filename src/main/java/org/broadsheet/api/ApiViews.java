package org.broadsheet.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.broadsheet.article.ArticleEntry;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.article.LeadImage;
import org.broadsheet.comment.ApprovedComment;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.web.Dates;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Turns what the services return into the API's JSON shapes, every URL absolute. */
@Component
record ApiViews(SiteUrls urls, Dates dates) {

    String date(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dates.of(instant).at());
    }

    ApiJson.Article article(ArticleEntry entry, boolean withBody) {
        ArticleView view = entry.view();
        return new ApiJson.Article(
                view.id(),
                view.slug(),
                urls.absolute(view.url()),
                view.headline(),
                view.standfirst(),
                new ApiJson.SectionRef(
                        view.sectionId(), view.sectionSlug(), view.sectionName(), urls.absolute(view.sectionUrl())),
                view.authors().stream()
                        .map(a -> new ApiJson.Link(a.name(), urls.absolute(a.url())))
                        .toList(),
                tags(view),
                image(view.image()),
                view.published().iso(),
                date(entry.modified()),
                view.updated() == null ? null : view.updated().iso(),
                view.notes().stream().map(this::note).toList(),
                view.commentsOpen(),
                urls.absolute(ApiPaths.articleComments(view.id())),
                withBody ? bodyHtml(view) : null,
                null,
                null);
    }

    /** An article as its editors hold it, with what the write that answers warns of. */
    ApiJson.Source source(EditableArticle article, List<String> warnings) {
        ArticleForm form = article.form();
        LeadImage image = form.image();
        return new ApiJson.Source(
                article.id(),
                form.slug(),
                article.status().key(),
                article.version(),
                form.headline(),
                Objects.requireNonNullElse(form.standfirst(), ""),
                Objects.requireNonNullElse(form.body(), ""),
                form.section(),
                form.authors(),
                form.tags(),
                image == null
                        ? null
                        : new ApiJson.SourceImage(
                                image.mediaId(),
                                image.hasMediaId() ? null : image.path(),
                                image.alt(),
                                image.caption(),
                                image.credit(),
                                image.hasMediaId() ? null : image.width(),
                                image.hasMediaId() ? null : image.height()),
                article.published() == null ? null : article.published().iso(),
                article.publicUrl() == null ? null : urls.absolute(article.publicUrl()),
                article.commentsOpen(),
                article.notes().stream().map(this::note).toList(),
                urls.absolute(ApiPaths.articleSource(article.id())),
                List.copyOf(warnings));
    }

    private ApiJson.Note note(ArticleView.Note note) {
        return new ApiJson.Note(
                note.kind().name().toLowerCase(Locale.ROOT), note.date().iso(), note.text());
    }

    private List<ApiJson.TagRef> tags(ArticleView view) {
        List<ApiJson.TagRef> tags = new ArrayList<>();
        for (ArticleView.TopicGroup group : view.topics()) {
            for (ArticleView.Link tag : group.tags()) {
                tags.add(new ApiJson.TagRef(tag.name(), group.kind(), urls.absolute(tag.url())));
            }
        }
        return tags;
    }

    private ApiJson.@Nullable Image image(@Nullable LeadImage image) {
        if (image == null) {
            return null;
        }
        return new ApiJson.Image(
                urls.absolute(image.path()),
                image.alt(),
                image.caption() == null ? "" : image.caption(),
                image.credit() == null ? "" : image.credit(),
                image.width(),
                image.height());
    }

    /** The stored sanitised HTML, with each story reference written as a link to its target. */
    private String bodyHtml(ArticleView view) {
        StringBuilder html = new StringBuilder();
        for (ArticleView.BodyPart part : view.body()) {
            if (part.isHtml()) {
                html.append(part.html().html());
            } else {
                String link = "<a href=\""
                        + HtmlUtils.htmlEscape(urls.absolute(part.target().url())) + "\">"
                        + HtmlUtils.htmlEscape(part.target().headline()) + "</a>";
                html.append(part.related() ? "<aside>" + link + "</aside>" : "<p>READ MORE: " + link + "</p>");
            }
        }
        return html.toString();
    }

    ApiJson.Section section(Section section) {
        return new ApiJson.Section(
                section.id(),
                section.slug(),
                section.name(),
                section.description(),
                urls.absolute(urls.section(section.slug())),
                urls.absolute(ApiPaths.ARTICLES + "?section=" + section.slug()));
    }

    ApiJson.Tag tag(Tag tag) {
        return new ApiJson.Tag(
                tag.id(),
                tag.slug(),
                tag.name(),
                tag.kind(),
                tag.description() == null ? "" : tag.description(),
                urls.absolute(urls.tag(tag.slug())),
                urls.absolute(ApiPaths.ARTICLES + "?tag=" + tag.slug()));
    }

    ApiJson.Author author(Author author) {
        return new ApiJson.Author(
                author.id(),
                author.slug(),
                author.name(),
                author.title() == null ? "" : author.title(),
                author.bio() == null ? "" : author.bio(),
                author.photo() == null ? null : urls.absolute(author.photo()),
                urls.absolute(urls.author(author.slug())),
                urls.absolute(ApiPaths.ARTICLES + "?author=" + author.slug()));
    }

    ApiJson.Comment comment(ApprovedComment comment) {
        return new ApiJson.Comment(
                comment.id(),
                urls.absolute(comment.url()),
                comment.name(),
                comment.website(),
                comment.staff(),
                comment.html().html(),
                date(comment.created()));
    }
}
