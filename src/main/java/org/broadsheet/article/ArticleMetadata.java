package org.broadsheet.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.web.JsonLd;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMetadata;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an article page says about itself to search engines and link previews: Open Graph
 * article tags, the lead image, and schema.org JSON-LD (a {@code NewsArticle} with its
 * authors, publisher, section, keywords and corrections, and a {@code BreadcrumbList}).
 * Every URL is absolute. The layout writes it; {@link JsonLd} makes it safe in the page.
 */
@Component
record ArticleMetadata(SiteUrls urls) {

    static final String LOGO = "/assets/favicon.svg";

    PageMetadata of(ArticleView article, Layout layout) {
        PageMetadata.Image image = image(article.image());
        return new PageMetadata(
                "article",
                image,
                article.published().at().toInstant(),
                article.modifiedAt(),
                article.sectionName(),
                article.tags().stream().map(ArticleView.Link::name).toList(),
                List.of(JsonLd.of(newsArticle(article, layout)), JsonLd.of(breadcrumbs(article, layout))));
    }

    private PageMetadata.@Nullable Image image(@Nullable LeadImage image) {
        if (image == null || image.width() == null || image.height() == null) {
            return null;
        }
        return new PageMetadata.Image(urls.absolute(image.path()), image.width(), image.height(), image.alt());
    }

    private Map<String, Object> newsArticle(ArticleView article, Layout layout) {
        String url = urls.absolute(article.url());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.headline());
        data.put("description", article.standfirst());
        if (article.image() != null) {
            data.put("image", imageUrls(article.image()));
        }
        data.put("datePublished", article.published().iso());
        data.put("dateModified", article.modifiedAt().toString());
        data.put("author", article.authors().stream().map(this::person).toList());
        data.put("publisher", publisher(layout.siteName()));
        data.put("articleSection", article.sectionName());
        data.put("keywords", article.tags().stream().map(ArticleView.Link::name).toList());
        data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        data.put("url", url);
        List<Map<String, Object>> corrections = article.notes().stream()
                .filter(ArticleView.Note::isCorrection)
                .map(note -> Map.<String, Object>of(
                        "@type",
                        "CorrectionComment",
                        "text",
                        note.text(),
                        "datePublished",
                        note.date().iso()))
                .toList();
        if (!corrections.isEmpty()) {
            data.put("correction", corrections);
        }
        return data;
    }

    /** The lead image in every size there is: its renditions for a library image, else its one file. */
    private List<String> imageUrls(LeadImage image) {
        List<String> all = new ArrayList<>();
        if (image.srcset() != null && !image.srcset().isBlank()) {
            for (String candidate : image.srcset().split(",")) {
                String source = candidate.strip().split("\\s+")[0];
                if (!source.isEmpty()) {
                    all.add(urls.absolute(source));
                }
            }
        }
        String main = urls.absolute(image.path());
        if (!all.contains(main)) {
            all.add(0, main);
        }
        return all;
    }

    private Map<String, Object> person(ArticleView.Link author) {
        return Map.of("@type", "Person", "name", author.name(), "url", urls.absolute(author.url()));
    }

    private Map<String, Object> publisher(String siteName) {
        return Map.of(
                "@type",
                "NewsMediaOrganization",
                "name",
                siteName,
                "url",
                urls.absolute(urls.home()),
                "logo",
                Map.of("@type", "ImageObject", "url", urls.absolute(LOGO)));
    }

    private Map<String, Object> breadcrumbs(ArticleView article, Layout layout) {
        List<Map<String, Object>> items = List.of(
                crumb(1, layout.siteName(), urls.home()),
                crumb(2, article.sectionName(), article.sectionUrl()),
                crumb(3, article.headline(), article.url()));
        return breadcrumbList(items);
    }

    static Map<String, Object> breadcrumbList(List<Map<String, Object>> items) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "BreadcrumbList");
        data.put("itemListElement", items);
        return data;
    }

    private Map<String, Object> crumb(int position, String name, String path) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", urls.absolute(path));
    }
}
