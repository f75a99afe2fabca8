package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /media/...}: the stored bytes with headers that let them be cached for good, or a
 * 404. Each test rolls back; the files of its uploads stay, under keys no other test meets.
 */
@BroadsheetTest
@Transactional
class MediaServingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Images images;

    @Test
    void renditionIsServedWithItsTypeForAYearAndNoSniffing() throws Exception {
        MediaItem item = images.jpeg(1200, 800, "Served");
        MediaItem.Rendition rendition = item.renditions().get(1);

        MvcResult result = mvc.perform(get(rendition.url()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", "public, max-age=31536000, immutable"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();

        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(result.getResponse().getContentLengthLong()).isEqualTo(body.length);
        assertThat(TestImages.decode(body).getWidth()).isEqualTo(960);
    }

    @Test
    void originalIsServedAsTheTypeItsBytesShowed() throws Exception {
        MediaItem item = images.upload("named-wrongly.jpg", TestImages.png(100, 60), "");
        assertThat(item.originalUrl()).endsWith("/original.png");
        mvc.perform(get(item.originalUrl()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"));
        mvc.perform(get(item.originalUrl().replace(".png", ".jpg"))).andExpect(status().isNotFound());
    }

    @Test
    void unknownOrMalformedAddressesAre404() throws Exception {
        MediaItem item = images.png(100, 60, "");
        String key = item.originalUrl().split("/")[2];
        for (String url : new String[] {
            "/media/" + "a".repeat(26) + "/original.png", // no such image
            "/media/" + key + "/2000.jpg", // no such rendition
            "/media/" + key + "/original.exe",
            "/media/" + key.toUpperCase() + "/original.png",
            "/media/" + key + "x/original.png",
            "/media/" + key + "/.tmp",
            "/media/42/original.png",
            "/media/page/2"
        }) { // not a section page either: "media" is reserved
            mvc.perform(get(url)).andExpect(status().isNotFound());
        }
        // Encoded slashes do not even reach the controller: the security firewall refuses them.
        for (String url :
                new String[] {"/media/..%2F..%2Fpostgres/original.png", "/media/" + key + "/..%2F..%2Foriginal.png"}) {
            mvc.perform(get(url)).andExpect(status().isBadRequest());
        }
    }
}
