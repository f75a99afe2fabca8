package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** String in, units out: what the reader hands over, and every kind of file it refuses. */
class WxrReaderTests {

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
            """;

    static final String ITEM = """
            <item><title>A &amp; B</title><dc:creator><![CDATA[ann]]></dc:creator>
            <content:encoded><![CDATA[x ]]]]><![CDATA[> y \uD83D\uDC19]]></content:encoded>
            <excerpt:encoded><![CDATA[short]]></excerpt:encoded>
            <category domain="category" nicename="news"><![CDATA[News]]></category>
            <wp:post_id>7</wp:post_id></item>
            """;

    @Test
    void handsOverEachItemWithCdataJoinedAndNamespacesNamedTheWxrWay() throws Exception {
        List<WxrNode> units = read(HEAD + ITEM + "</channel></rss>");
        assertThat(units).singleElement().satisfies(item -> {
            assertThat(item.text("title")).isEqualTo("A & B");
            assertThat(item.text("content:encoded")).isEqualTo("x ]]> y \uD83D\uDC19");
            assertThat(item.text("excerpt:encoded")).isEqualTo("short");
            assertThat(item.text("dc:creator")).isEqualTo("ann");
            assertThat(item.text("wp:post_id")).isEqualTo("7");
            assertThat(item.child("category").attribute("nicename")).isEqualTo("news");
        });
    }

    @Test
    void readsWxr11WithAByteOrderMarkAndGzip() throws Exception {
        String wxr11 = HEAD.replace("1.2", "1.1") + ITEM.replace("1.2", "1.1") + "</channel></rss>";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = wxr11.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        assertThat(read(withBom))
                .singleElement()
                .satisfies(i -> assertThat(i.text("excerpt:encoded")).isEqualTo("short"));
        assertThat(read(gzip(withBom))).hasSize(1);
    }

    @Test
    void refusesMalformedXmlWithLineAndColumn() {
        WxrRefused refused = refusal(HEAD + "<item><title>x</item></channel></rss>");
        assertThat(refused.line()).isEqualTo(6);
        assertThat(refused.column()).isPositive();
        assertThat(refused.describe()).startsWith("line 6, column ");
    }

    @Test
    void refusesATruncatedFilePlainOrCompressed() throws IOException {
        String whole = HEAD + ITEM + ITEM + "</channel></rss>";
        String cut = whole.substring(0, whole.length() - 40);
        assertThat(refusal(cut).line()).isPositive();
        byte[] zipped = gzip(whole.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(Arrays.copyOf(zipped, zipped.length - 20)))
                .isInstanceOf(WxrRefused.class);
    }

    @Test
    void refusesAnotherRootElementAndAFileWithoutAWxrVersion() {
        assertThat(refusal("<html><body/></html>").getMessage()).contains("<html>");
        assertThat(refusal("<rss><channel><item/></channel></rss>").getMessage())
                .contains("wxr_version");
        assertThat(refusal(HEAD.replace(">1.2<", ">9.0<") + "</channel></rss>").getMessage())
                .contains("9.0");
    }

    @Test
    void refusesAFileThatIsNotXml() {
        assertThat(refusal("%PDF-1.4 not xml at all").line()).isEqualTo(1);
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}))
                .isInstanceOf(WxrRefused.class);
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(WxrRefused.class);
    }

    @Test
    void refusesBillionLaughs() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY a "haha">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                ]>
                <rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
                <item><title>&d;</title></item></channel></rss>
                """;
        WxrRefused refused = refusal(laughs);
        assertThat(refused.line()).isPositive();
        assertThat(refused.getMessage()).doesNotContain("haha");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE-41");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version>
                <item><title>&xxe;</title></item></channel></rss>
                """.formatted(secret.toUri());
        List<WxrNode> seen = new ArrayList<>();
        assertThatThrownBy(() -> WxrReader.read(stream(xxe), seen::add))
                .isInstanceOf(WxrRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        assertThat(seen).isEmpty();
        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY %% p SYSTEM "%s"> %%p; ]>
                <rss/>
                """.formatted(secret.toUri());
        assertThat(refusal(parameterEntity).getMessage()).doesNotContain("TOP-SECRET");
    }

    @Test
    void aReadingThatKeepsAFewFieldsChecksWhatItLeavesAsThoroughly() throws Exception {
        List<WxrNode> units = new ArrayList<>();
        WxrReader.read(stream(HEAD + ITEM + "</channel></rss>"), WxrIndex.FIELDS, units::add);
        assertThat(units).singleElement().satisfies(item -> {
            assertThat(item.text("wp:post_id")).isEqualTo("7");
            assertThat(item.child("content:encoded")).isNull();
            assertThat(item.child("category")).isNull();
        });

        String deep = "<x>".repeat(40) + "</x>".repeat(40);
        String[] refused = {
            HEAD + ITEM.replace("<wp:post_id>", "<wp:postmeta>" + deep + "</wp:postmeta><wp:post_id>")
                    + "</channel></rss>",
            HEAD + ITEM.substring(0, ITEM.indexOf(" y ")), // cut off inside a body it does not keep
            HEAD + ITEM.replace("</excerpt:encoded>", "</excerpt:encoded></excerpt>") + "</channel></rss>",
        };
        for (String xml : refused) {
            assertThatThrownBy(() -> WxrReader.read(stream(xml), WxrIndex.FIELDS, u -> {}))
                    .as(xml)
                    .isInstanceOf(WxrRefused.class)
                    .satisfies(e -> assertThat(((WxrRefused) e).line()).isPositive());
        }
    }

    static List<WxrNode> read(String xml) throws WxrRefused {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static List<WxrNode> read(byte[] bytes) throws WxrRefused {
        List<WxrNode> units = new ArrayList<>();
        WxrReader.read(new ByteArrayInputStream(bytes), units::add);
        return units;
    }

    static WxrRefused refusal(String xml) {
        try {
            read(xml);
        } catch (WxrRefused e) {
            return e;
        }
        throw new AssertionError("not refused: " + xml);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
