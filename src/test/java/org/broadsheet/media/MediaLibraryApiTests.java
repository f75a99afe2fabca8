package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library through {@link MediaLibrary}: changing details, searching, paging and deleting.
 * Each test rolls back; the files of its uploads stay, under keys no other test meets.
 */
@BroadsheetTest
@Transactional
class MediaLibraryApiTests {

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaFiles files;

    @Autowired
    Images images;

    @Test
    void detailsCanBeChangedAndSearched() {
        String word = Unique.slug("zebra");
        MediaItem item = images.upload(word + ".png", TestImages.png(50, 50), "");

        MediaItem changed =
                library.updateDetails(item.id(), "  Two herons at dawn  ", "Caption with " + word + "_x", "Agency");

        assertThat(changed.alt()).isEqualTo("Two herons at dawn");
        assertThat(changed.credit()).isEqualTo("Agency");
        assertThat(library.list(word, 1, 10).items()).extracting(MediaItem::id).containsExactly(item.id());
        assertThat(library.list(word.toUpperCase(), 1, 10).total()).isEqualTo(1);
        assertThat(library.list("herons at dawn", 1, 10).items())
                .extracting(MediaItem::id)
                .contains(item.id());
        assertThat(library.list(word + "%", 1, 10).total()).isZero(); // wildcards are searched for as they are
        assertThat(library.list(word + "_x", 1, 10).total()).isEqualTo(1);
        assertThatThrownBy(() -> library.updateDetails(item.id(), "bad\u0007bell", "", ""))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> library.updateDetails(Long.MAX_VALUE, "", "", ""))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listIsNewestFirstInPages() {
        String word = Unique.slug("paging");
        MediaItem first = images.upload(word + "-1.png", TestImages.png(30, 30), "");
        MediaItem second = images.upload(word + "-2.png", TestImages.png(30, 30), "");
        MediaItem third = images.upload(word + "-3.png", TestImages.png(30, 30), "");

        ResultPage<MediaItem> page1 = library.list(word, 1, 2);
        ResultPage<MediaItem> page2 = library.list(word, 2, 2);

        assertThat(page1.items()).extracting(MediaItem::id).containsExactly(third.id(), second.id());
        assertThat(page1.pages()).as("an older page follows").isEqualTo(2);
        assertThat(page1.pagination(n -> "?page=" + n).previousUrl())
                .as("no newer page")
                .isNull();
        assertThat(page2.items()).extracting(MediaItem::id).containsExactly(first.id());
        assertThat(page2.pagination(n -> "?page=" + n).nextUrl())
                .as("no older page")
                .isNull();
        assertThat(page2.total()).isEqualTo(3);
    }

    @Test
    void deleteRemovesTheRowAndEveryFile() {
        long before = images.files();
        MediaItem item = images.upload("gone.png", TestImages.png(1000, 500), "");
        assertThat(images.files()).isEqualTo(before + 4);

        library.delete(item.id());

        assertThat(library.findById(item.id())).isEmpty();
        assertThat(images.files()).isEqualTo(before);
        String[] parts = item.originalUrl().split("/");
        assertThat(files.open(parts[2], parts[3])).isEmpty();
        assertThatThrownBy(() -> library.delete(item.id())).isInstanceOf(NotFoundException.class);
    }
}
