package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLStreamException;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.wordpress.WxrExportRepository.AuthorRow;
import org.broadsheet.wordpress.WxrExportRepository.TermRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the whole site as WXR 1.2, the format WordPress's own exporter writes and its importer
 * (and ours) read: authors, sections as categories, tags (their kind as term meta), the media
 * library as attachments with their public URLs, and every article with its status, dates,
 * section, tags, byline, lead image ({@code _thumbnail_id}), notes and comments (threaded, with
 * their statuses). Read in one read-only, repeatable-read transaction, so the file is one
 * consistent moment of a running site, and written as it is read.
 */
@Component
class WxrExporter {

    /** How many of each thing an export wrote. */
    record Counts(long authors, long sections, long tags, long media, long articles, long comments) {
        @Override
        public String toString() {
            return articles + " articles, " + comments + " comments, " + media + " media, " + sections + " sections, "
                    + tags + " tags, " + authors + " authors";
        }
    }

    private final WxrExportRepository repository;
    private final WxrItems items;
    private final SiteUrls urls;
    private final TransactionTemplate snapshot;

    WxrExporter(WxrExportRepository repository, WxrItems items, SiteUrls urls, TransactionTemplate transactions) {
        this.repository = repository;
        this.items = items;
        this.urls = urls;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    Counts export(OutputStream out, String siteName) throws IOException {
        try (WxrWriter wxr = new WxrWriter(out)) {
            wxr.startDocument();
            Counts counts = snapshot.execute(status -> write(wxr, siteName));
            wxr.endDocument();
            return counts;
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the export: " + e.getMessage(), e);
        } catch (WxrExportRepository.ExportFailed e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e.getCause());
        }
    }

    private Counts write(WxrWriter wxr, String siteName) {
        try {
            channel(wxr, siteName);
            AtomicLong authors = new AtomicLong();
            repository.authors(a -> author(wxr, a, authors.incrementAndGet()));
            AtomicLong terms = new AtomicLong(); // one numbering for all terms, as in WordPress
            repository.sections(s -> category(wxr, s, terms.incrementAndGet()));
            long sections = terms.get();
            repository.tags(t -> tag(wxr, t, terms.incrementAndGet()));
            long firstMedia = repository.maxArticleId();
            AtomicLong media = new AtomicLong();
            repository.media(m -> {
                items.attachment(wxr, m, firstMedia + m.id());
                media.incrementAndGet();
            });
            AtomicLong articles = new AtomicLong();
            AtomicLong comments = new AtomicLong();
            repository.articles(a -> {
                comments.addAndGet(items.article(wxr, a, firstMedia));
                articles.incrementAndGet();
            });
            return new Counts(
                    authors.get(), sections, terms.get() - sections, media.get(), articles.get(), comments.get());
        } catch (XMLStreamException e) {
            throw new WxrExportRepository.ExportFailed(e);
        }
    }

    private void channel(WxrWriter wxr, String siteName) throws XMLStreamException {
        wxr.text("title", siteName);
        wxr.text("link", urls.origin());
        wxr.text("description", "");
        wxr.text("pubDate", WxrWriter.rfc822(Instant.now()));
        wxr.text("language", "en");
        wxr.wp("wxr_version", "1.2");
        wxr.wp("base_site_url", urls.origin());
        wxr.wp("base_blog_url", urls.origin());
    }

    private static void author(WxrWriter wxr, AuthorRow author, long n) throws XMLStreamException {
        wxr.startWp("author");
        wxr.wp("author_id", n);
        wxr.wpCdata("author_login", author.slug());
        wxr.wpCdata("author_email", "");
        wxr.wpCdata("author_display_name", author.name());
        wxr.wpCdata("author_first_name", "");
        wxr.wpCdata("author_last_name", "");
        wxr.wpCdata("author_description", author.bio());
        wxr.end();
    }

    private static void category(WxrWriter wxr, TermRow section, long n) throws XMLStreamException {
        wxr.startWp("category");
        wxr.wp("term_id", n);
        wxr.wpCdata("category_nicename", section.slug());
        wxr.wpCdata("category_parent", "");
        wxr.wpCdata("cat_name", section.name());
        wxr.wpCdata("category_description", section.description());
        wxr.meta("termmeta", WxrTerms.SECTION, Long.toString(n));
        wxr.end();
    }

    private static void tag(WxrWriter wxr, TermRow tag, long n) throws XMLStreamException {
        wxr.startWp("tag");
        wxr.wp("term_id", n);
        wxr.wpCdata("tag_slug", tag.slug());
        wxr.wpCdata("tag_name", tag.name());
        wxr.wpCdata("tag_description", tag.description());
        wxr.meta("termmeta", WxrTerms.KIND, tag.kind() == null ? "topic" : tag.kind());
        wxr.end();
    }
}
