package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first reading of a file begun ahead ({@link WxrIndex#readAhead}) is taken up only for the
 * same file unchanged; a file changed since is read again, and a refusal found ahead is the
 * import's refusal.
 */
class WxrIndexTests {

    @TempDir
    Path temp;

    @Test
    void aReadingBegunAheadIsTakenUpForTheSameFile() throws Exception {
        Path file = Files.writeString(temp.resolve("site.xml"), wxr(2));

        WxrIndex.readAhead(file);

        assertThat(WxrIndex.of(file).items()).isEqualTo(2);
    }

    @Test
    void aFileChangedSinceTheReadingAheadIsReadAgain() throws Exception {
        Path file = Files.writeString(temp.resolve("site.xml"), wxr(2));
        WxrIndex.readAhead(file);

        Files.writeString(file, wxr(3));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(WxrIndex.of(file).items()).isEqualTo(3);
    }

    @Test
    void aRefusalFoundAheadIsTheImportsRefusal() throws Exception {
        Path file = Files.writeString(temp.resolve("cut.xml"), wxr(1).replace("</channel></rss>", "<item><title>cut"));
        WxrIndex.readAhead(file);

        assertThatThrownBy(() -> WxrIndex.of(file)).isInstanceOf(WxrRefused.class);
    }

    private static String wxr(int items) {
        StringBuilder text = new StringBuilder(WxrReaderTests.HEAD);
        for (int i = 1; i <= items; i++) {
            text.append(WxrReaderTests.ITEM.replace("<wp:post_id>7", "<wp:post_id>" + i));
        }
        return text.append("</channel></rss>").toString();
    }
}
