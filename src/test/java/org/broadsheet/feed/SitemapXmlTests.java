package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sitemap documents as bytes, string in and string out; sitemap names; the 50,000 URL limit. */
class SitemapXmlTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.987Z");

    private static String written(Function<ByteArrayOutputStream, SitemapXml> open, Consumer<SitemapXml> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SitemapXml xml = open.apply(out)) {
            entries.accept(xml);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void indexListsSitemapsWithAndWithoutLastmod() {
        String xml = written(SitemapXml::index, index -> {
            index.sitemap("https://news.example/sitemaps/articles-1.xml", AT);
            index.sitemap("https://news.example/sitemaps/news.xml", null);
        });
        assertThat(xml).isEqualTo("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <sitemap><loc>https://news.example/sitemaps/articles-1.xml</loc>\
                        <lastmod>2026-03-01T10:15:30Z</lastmod></sitemap>
                        <sitemap><loc>https://news.example/sitemaps/news.xml</loc></sitemap>
                        </sitemapindex>
                        """);
    }

    @Test
    void urlsetEscapesWhatItWrites() {
        String xml = written(SitemapXml::urls, urls -> urls.url("https://news.example/a?b=1&c=<2>", AT));
        assertThat(xml).isEqualTo("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <url><loc>https://news.example/a?b=1&amp;c=&lt;2&gt;</loc>\
                        <lastmod>2026-03-01T10:15:30Z</lastmod></url>
                        </urlset>
                        """);
    }

    @Test
    void newsSitemapDeclaresBothNamespacesAndEscapesTheTitle() {
        String xml = written(
                SitemapXml::news,
                news -> news.newsUrl(
                        "https://news.example/world/2026/03/01/floods",
                        "The Daily & Co",
                        "en",
                        AT,
                        "Floods & <em>storms</em>\u0001 \"here\" 🌊"));
        assertThat(xml).isEqualTo("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                        <url><loc>https://news.example/world/2026/03/01/floods</loc><news:news><news:publication>\
                        <news:name>The Daily &amp; Co</news:name><news:language>en</news:language></news:publication>\
                        <news:publication_date>2026-03-01T10:15:30Z</news:publication_date>\
                        <news:title>Floods &amp; &lt;em&gt;storms&lt;/em&gt; "here" 🌊</news:title></news:news></url>
                        </urlset>
                        """);
    }

    @Test
    void textKeepsOnlyWhatXmlCanCarry() {
        assertThat(SitemapXml.xmlText("plain text")).isEqualTo("plain text");
        assertThat(SitemapXml.xmlText("tab\tnew\nline\r")).isEqualTo("tab\tnew\nline\r");
        assertThat(SitemapXml.xmlText("bell\u0007 nul\u0000 esc\u001b")).isEqualTo("bell nul esc");
        assertThat(SitemapXml.xmlText("lone \ud800 surrogate \udc00")).isEqualTo("lone  surrogate ");
        assertThat(SitemapXml.xmlText("\ufffe\uffff end")).isEqualTo(" end");
        assertThat(SitemapXml.xmlText("emoji 🌊 and ü")).isEqualTo("emoji 🌊 and ü");
    }

    @ParameterizedTest
    @CsvSource({
        "en, en",
        "en-GB, en",
        "pt-BR, pt",
        "fr, fr",
        "zh, zh-cn",
        "zh-CN, zh-cn",
        "zh-Hans, zh-cn",
        "zh-TW, zh-tw",
        "zh-HK, zh-tw",
        "zh-Hant, zh-tw",
        "zh-Hant-CN, zh-tw"
    })
    void newsLanguageIsTheIso639CodeGoogleNewsTakes(String siteLanguage, String newsLanguage) {
        assertThat(SitemapXml.newsLanguage(siteLanguage)).isEqualTo(newsLanguage);
    }

    @Test
    void w3cDatetimeIsUtcToTheSecond() {
        assertThat(SitemapXml.w3c(Instant.parse("2026-12-04T23:40:25.999999Z"))).isEqualTo("2026-12-04T23:40:25Z");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "49999, 1", "50000, 1", "50001, 2", "100000, 2", "100001, 3", "2500000000, 50000"})
    void sitemapsOfFiftyThousandUrlsEach(long urls, int sitemaps) {
        assertThat(Sitemaps.pages(urls, Sitemaps.MAX_URLS)).isEqualTo(sitemaps);
    }

    @Test
    void pageSizeIsAtMostTheProtocolsLimit() {
        assertThat(new SitemapSettings(50_000).pageSize()).isEqualTo(50_000);
        assertThat(new SitemapSettings(1).pageSize()).isEqualTo(1);
        assertThatThrownBy(() -> new SitemapSettings(50_001)).hasMessageContaining("1 to 50000");
        assertThatThrownBy(() -> new SitemapSettings(0)).hasMessageContaining("1 to 50000");
    }

    @Test
    void sitemapNamesAreKindAndPage() {
        assertThat(SitemapName.parse("articles-1.xml")).contains(new SitemapName(SitemapKind.ARTICLES, 1));
        assertThat(SitemapName.parse("sections-2.xml")).contains(new SitemapName(SitemapKind.SECTIONS, 2));
        assertThat(SitemapName.parse("tags-30.xml")).contains(new SitemapName(SitemapKind.TAGS, 30));
        assertThat(SitemapName.parse("authors-999999999.xml"))
                .contains(new SitemapName(SitemapKind.AUTHORS, 999_999_999));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "articles-0.xml",
                "articles-01.xml",
                "articles--1.xml",
                "articles-1",
                "articles-1.xml.gz",
                "articles-1.XML",
                "ARTICLES-1.xml",
                "articles.xml",
                "articles-1000000000.xml",
                "news.xml",
                "news-1.xml",
                "pages-1.xml",
                "articles-1.xml/",
                " articles-1.xml"
            })
    void otherNamesAreNoSitemaps(String name) {
        assertThat(SitemapName.parse(name)).isEmpty();
    }
}
