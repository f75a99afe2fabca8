package org.broadsheet.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.broadsheet.testkit.LiveSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The reader pages that every page-wide check visits (accessibility, HTML validity).
 * One list, so that each check covers each page type: <b>add each new page type here</b>
 * (search results, comment form, feeds' HTML pages, …) and every check picks it up.
 *
 * <p>Pages whose address depends on the demo edition (articles) are found on the running
 * site, the way a reader would: by following links.
 */
public final class ReaderPages {

    private ReaderPages() {}

    /** Every reader page type, in a stable order. */
    public static List<ReaderPage> all() {
        return List.of(
                page("front page", "/"),
                new ReaderPage("lead article", Site::leadArticle, 200),
                new ReaderPage("article with story references and notes", Site::richArticle, 200),
                new ReaderPage("article with threaded comments", Site::commentedArticle, 200),
                new ReaderPage("comment form replying to a comment", Site::replyForm, 200),
                new ReaderPage("article with comments closed", Site::closedCommentsArticle, 200),
                page("section page", "/americas"),
                page("topic page", "/tag/diplomacy"),
                page("place page with a description", "/tag/central-asia"),
                page("person page", "/tag/kenji-arakawa"),
                page("organisation page", "/tag/united-nations"),
                page("author page", "/author/amara-okafor"),
                page("archive page", "/page/1"),
                page("search results", "/search?q=peru+earthquake"),
                page("search results, page 2, filtered", "/search?q=said&from=2020-01-01&page=2"),
                page("search without results", "/search?q=zzyzx+quokka&section=asia"),
                page("search with nothing to search for", "/search?q=the"),
                page("search form, with notes on what was typed", "/search?q=%3Cb%3E&from=31-12-2025&section=nowhere"),
                new ReaderPage("not-found page", site -> "/no-such-page/at/all", 404));
    }

    private static ReaderPage page(String name, String path) {
        return new ReaderPage(name, site -> path, 200);
    }

    /** Finds a page's path on a running site. */
    @FunctionalInterface
    public interface Locator {
        String path(Site site);
    }

    /**
     * One page to check.
     *
     * @param name    what the page is, for test names and reports
     * @param locator how to find its path on a running site
     * @param status  the HTTP status it must answer
     */
    public record ReaderPage(String name, Locator locator, int status) {

        public String path(Site site) {
            return locator.path(site);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A running Broadsheet reached over real HTTP ({@link LiveSite}). Redirects are not
     * followed: a listed page must answer by itself. Remembers the articles it has found; not
     * thread-safe.
     */
    public static final class Site {

        private static final int MAX_ARCHIVE_PAGES = 50;

        private final LiveSite live;
        private String leadArticle;
        private String richArticle;
        private String commentedArticle;
        private String closedCommentsArticle;

        public Site(LiveSite live) {
            this.live = live;
        }

        public URI uri(String path) {
            return live.uri(path);
        }

        public HttpResponse<byte[]> get(String path) {
            return live.get(path);
        }

        public Document document(String path) {
            return live.page(path);
        }

        /** The front page's lead story. */
        public String leadArticle() {
            if (leadArticle == null) {
                Element link = document("/").selectFirst(".lead-story-headline a[href]");
                if (link == null) {
                    throw new IllegalStateException("The front page has no lead story (.lead-story-headline a)");
                }
                leadArticle = URI.create(link.attr("href")).getPath();
            }
            return leadArticle;
        }

        /**
         * Another article with as many of the optional parts as the edition offers: an
         * inline story card, a READ MORE line, corrections/updates notes, a lead image.
         */
        public String richArticle() {
            if (richArticle == null) {
                richArticle = findRichArticle();
            }
            return richArticle;
        }

        /** An article open for comments with threaded replies (the demo edition has a staff reply too). */
        public String commentedArticle() {
            if (commentedArticle == null) {
                commentedArticle = findArticle(
                        doc -> doc.selectFirst(".comment-replies") != null && doc.selectFirst("#comment-form") != null,
                        "threaded comments and an open form");
            }
            return commentedArticle;
        }

        /** The commented article with its form set to reply to its first comment. */
        public String replyForm() {
            Element first = document(commentedArticle()).selectFirst(".comment-list > li[id^=comment-]");
            return commentedArticle() + "?replytocom=" + first.id().substring("comment-".length());
        }

        /** An article whose comments are closed but which has some. */
        public String closedCommentsArticle() {
            if (closedCommentsArticle == null) {
                closedCommentsArticle = findArticle(
                        doc -> doc.selectFirst(".comments-closed") != null && doc.selectFirst(".comment-list") != null,
                        "comments closed after some were made");
            }
            return closedCommentsArticle;
        }

        private String findArticle(java.util.function.Predicate<Document> wanted, String what) {
            for (String path : archivedArticles()) {
                if (wanted.test(document(path))) {
                    return path;
                }
            }
            throw new IllegalStateException("The archive lists no article with " + what);
        }

        private String findRichArticle() {
            String best = null;
            int bestScore = -1;
            for (String path : archivedArticles()) {
                if (path.equals(leadArticle())) {
                    continue;
                }
                int score = richness(document(path));
                if (score > bestScore) {
                    best = path;
                    bestScore = score;
                }
            }
            if (best == null) {
                throw new IllegalStateException("The archive lists no article besides the lead story");
            }
            return best;
        }

        private static int richness(Document article) {
            int score = 0;
            score += article.selectFirst(".story-card") != null ? 4 : 0;
            score += article.selectFirst(".notes") != null ? 4 : 0;
            score += article.selectFirst(".read-more") != null ? 2 : 0;
            score += article.selectFirst("figure") != null ? 1 : 0;
            return score;
        }

        /** Article paths listed in the archive, newest first, following its "older" links. */
        private List<String> archivedArticles() {
            Set<String> articles = new LinkedHashSet<>();
            String page = "/page/1";
            for (int i = 0; page != null && i < MAX_ARCHIVE_PAGES; i++) {
                Document archive = document(page);
                for (Element link : archive.select(".teaser-headline a[href]")) {
                    articles.add(URI.create(link.attr("href")).getPath());
                }
                Element older = archive.selectFirst("a[rel=next][href]");
                page = older == null ? null : URI.create(older.attr("href")).getPath();
            }
            return new ArrayList<>(articles);
        }
    }
}
