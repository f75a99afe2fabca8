package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipPageTests {

    private static RenderedHtml kept(String html) {
        return new RenderedHtml(html.getBytes(StandardCharsets.UTF_8));
    }

    private static String gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pageWithAKeptPartIsOneGzipMemberOfTheWholePage() throws IOException {
        RenderedHtml comments = kept("<ol>" + "<li>A comment, «quoted», in a list</li>".repeat(400) + "</ol>");
        GzipPage page = new GzipPage(List.of(comments));
        page.writeContent("<!DOCTYPE html><title>Été</title><main>");
        comments.writeTo(page);
        page.writeContent("<form>per reader</form></main>");
        byte[] body = page.body();
        assertThat(page.worthCompressing()).isTrue();
        byte[] gzip = page.gzip();
        assertThat(gunzip(gzip))
                .isEqualTo(new String(body, StandardCharsets.UTF_8))
                .startsWith("<!DOCTYPE html><title>Été</title>")
                .endsWith("per reader</form></main>");
        assertThat(gzip.length).as("the kept part is compressed").isLessThan(body.length / 5);
        assertThat(page.gzipLength()).isEqualTo(gzip.length);
        assertThat(page.length()).isEqualTo(body.length);
    }

    @Test
    void keptPartsAtEitherEndAndLongStoredStretchesDecodeExactly() throws IOException {
        RenderedHtml first = kept("<p>first</p>");
        RenderedHtml last = kept("<p>last</p>".repeat(50));
        GzipPage page = new GzipPage(List.of(first, last));
        first.writeTo(page);
        page.writeContent("x".repeat(200_000)); // more than three stored blocks
        page.writeBinaryContent("not kept".getBytes(StandardCharsets.UTF_8));
        last.writeTo(page);
        first.writeTo(page); // the same part twice
        byte[] body = page.body();
        assertThat(gunzip(page.gzip())).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(page.gzipLength()).isEqualTo(page.gzip().length);
    }

    @Test
    void smallOrUnwrittenKeptPartsAreNotWorthCompressing() throws IOException {
        RenderedHtml small = kept("<p>Be the first to comment</p>");
        GzipPage page = new GzipPage(List.of(small, kept("<p>declared, never written</p>".repeat(100))));
        page.writeContent("<p>only this</p>");
        small.writeTo(page);
        assertThat(page.worthCompressing()).isFalse();
        assertThat(gunzip(page.gzip())).isEqualTo("<p>only this</p><p>Be the first to comment</p>");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(gunzip(page.gzip()));
    }

    @Test
    void emptyKeptPartIsFine() throws IOException {
        RenderedHtml empty = kept("");
        GzipPage page = new GzipPage(List.of(empty));
        page.writeContent("a");
        empty.writeTo(page);
        page.writeContent("b");
        assertThat(gunzip(page.gzip())).isEqualTo("ab");
        assertThat(page.body()).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
    }
}
