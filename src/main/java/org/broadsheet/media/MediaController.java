package org.broadsheet.media;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.broadsheet.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves the library's files to everyone: {@code GET /media/{key}/{name}}. A file's content
 * never changes under its name, so browsers and CDNs may keep it for a year without asking
 * again. Its type is the one it was stored as (checked from its bytes on upload), and
 * browsers are told not to guess another. Anything else is a 404.
 */
@Controller
record MediaController(MediaFiles files) {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @GetMapping("/media/{key:[a-z2-7]{26}}/{name}")
    void serve(@PathVariable String key, @PathVariable String name, HttpServletResponse response) throws IOException {
        MediaFiles.MediaFile file =
                files.open(key, name).orElseThrow(() -> new NotFoundException("No media file " + key + "/" + name));
        try (InputStream content = file.stored().content()) {
            response.setContentType(file.type().contentType());
            response.setContentLengthLong(file.stored().size());
            response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            response.setHeader("X-Content-Type-Options", "nosniff");
            content.transferTo(response.getOutputStream());
        }
    }
}
