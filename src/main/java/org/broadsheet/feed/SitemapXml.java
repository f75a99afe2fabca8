package org.broadsheet.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes one sitemap document (sitemaps.org 0.9) as it goes, through StAX, to an output stream:
 * a sitemap index, a list of URLs, or a Google News sitemap. Nothing is kept but the writer's
 * buffer. Text is escaped by the XML writer, and characters XML cannot carry (control
 * characters, lone surrogates) are left out, so the document is well-formed whatever a headline
 * holds. Not thread-safe: one per response.
 * <pre>
 * try (SitemapXml xml = SitemapXml.urls(out)) {
 *     xml.url("https://news.example/world", lastChange);
 * }
 * </pre>
 */
final class SitemapXml implements AutoCloseable {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final Writer out;
    private final XMLStreamWriter xml;

    private SitemapXml(OutputStream stream, String root, boolean news) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        try {
            this.xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", root, NAMESPACE);
            xml.writeDefaultNamespace(NAMESPACE);
            if (news) {
                xml.writeNamespace("news", NEWS_NAMESPACE);
            }
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
    }

    /** A sitemap index: {@code <sitemapindex>}, then one {@link #sitemap} per sitemap. */
    static SitemapXml index(OutputStream out) {
        return new SitemapXml(out, "sitemapindex", false);
    }

    /** A sitemap of URLs: {@code <urlset>}, then one {@link #url} per page. */
    static SitemapXml urls(OutputStream out) {
        return new SitemapXml(out, "urlset", false);
    }

    /** A Google News sitemap: {@code <urlset>} with the news namespace, then one {@link #newsUrl} per story. */
    static SitemapXml news(OutputStream out) {
        return new SitemapXml(out, "urlset", true);
    }

    /** One sitemap of an index, at the absolute URL {@code loc}, last changed at {@code lastModified} if known. */
    void sitemap(String loc, @Nullable Instant lastModified) {
        entry("sitemap", loc, lastModified);
    }

    /** One page of a sitemap, at the absolute URL {@code loc}, last changed at {@code lastModified} if known. */
    void url(String loc, @Nullable Instant lastModified) {
        entry("url", loc, lastModified);
    }

    /**
     * One story of a news sitemap.
     *
     * @param publication the news publication's name (the site's)
     * @param language    its ISO 639 code ({@link #newsLanguage})
     */
    void newsUrl(String loc, String publication, String language, Instant published, String title) {
        try {
            xml.writeStartElement(NAMESPACE, "url");
            element(NAMESPACE, "loc", loc);
            xml.writeStartElement(NEWS_NAMESPACE, "news");
            xml.writeStartElement(NEWS_NAMESPACE, "publication");
            element(NEWS_NAMESPACE, "name", publication);
            element(NEWS_NAMESPACE, "language", language);
            xml.writeEndElement();
            element(NEWS_NAMESPACE, "publication_date", w3c(published));
            element(NEWS_NAMESPACE, "title", title);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
    }

    /** Ends the document and flushes it to the stream (which stays open). */
    @Override
    public void close() {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw unchecked(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void entry(String name, String loc, @Nullable Instant lastModified) {
        try {
            xml.writeStartElement(NAMESPACE, name);
            element(NAMESPACE, "loc", loc);
            if (lastModified != null) {
                element(NAMESPACE, "lastmod", w3c(lastModified));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw unchecked(e);
        }
    }

    private void element(String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** A W3C datetime (the form sitemaps use) in UTC, to the second: {@code 2026-12-04T23:40:25Z}. */
    static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The language code Google News accepts for a BCP 47 tag: its ISO 639 language ({@code en-GB}
     * is {@code en}), except Chinese, which is {@code zh-cn} (simplified) or {@code zh-tw}
     * (traditional: Hant, Taiwan, Hong Kong, Macau).
     */
    static String newsLanguage(String tag) {
        Locale locale = Locale.forLanguageTag(tag.strip());
        String language = locale.getLanguage();
        if (!language.equals("zh")) {
            return language.isEmpty() ? tag.strip().toLowerCase(Locale.ROOT) : language;
        }
        boolean traditional = locale.getScript().equals("Hant")
                || locale.getScript().isEmpty()
                        && (locale.getCountry().equals("TW")
                                || locale.getCountry().equals("HK")
                                || locale.getCountry().equals("MO"));
        return traditional ? "zh-tw" : "zh-cn";
    }

    /** {@code text} without the characters XML 1.0 cannot carry; the same string when it has none. */
    static String xmlText(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                return filtered(text);
            }
            i += Character.charCount(c);
        }
        return text;
    }

    private static String filtered(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (allowed(c)) {
                kept.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return kept.toString();
    }

    /** XML 1.0's Char production; a lone surrogate (which {@code codePointAt} returns as itself) is not one. */
    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static RuntimeException unchecked(XMLStreamException e) {
        return e.getCause() instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
    }
}
