package org.broadsheet.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.broadsheet.account.Permission;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaRefused;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Image uploads with a token (multipart, field {@code file}), through the media library's own
 * {@link MediaUploads}: every role may upload, as in the newsroom. A file too large is 413, one
 * that is not a JPEG, PNG, WebP or GIF image 415, details that break the rules 422.
 */
@RestController
@SecurityRequirement(name = ApiConfiguration.BEARER)
record MediaApi(MediaUploads uploads, SiteUrls urls) {

    /** An uploaded image: its original's address and its renditions' (absolute). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Uploaded(long id, String filename, int width, int height, String alt, String url, List<String> renditions) {}

    @PostMapping(ApiPaths.MEDIA)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Uploaded> upload(
            TokenHolder holder,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String alt,
            @RequestParam(required = false) @Nullable String caption,
            @RequestParam(required = false) @Nullable String credit) {
        holder.staff().require(Permission.UPLOAD_MEDIA);
        if (file == null || file.isEmpty()) {
            throw ApiException.badParameter("file", "Send an image file in the multipart field \"file\"");
        }
        try (InputStream content = file.getInputStream()) {
            MediaItem item = uploads.upload(
                    Objects.requireNonNullElse(file.getOriginalFilename(), "image"),
                    content,
                    holder.staff().id(),
                    Objects.requireNonNullElse(alt, ""),
                    Objects.requireNonNullElse(caption, ""),
                    Objects.requireNonNullElse(credit, ""));
            return ResponseEntity.status(HttpStatus.CREATED).body(uploaded(item));
        } catch (MediaRefused refused) {
            throw new ApiException(refused.status(), refused.getMessage(), List.of());
        } catch (IOException cut) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The upload was cut short", List.of());
        }
    }

    private Uploaded uploaded(MediaItem item) {
        return new Uploaded(
                item.id(),
                item.filename(),
                item.width(),
                item.height(),
                item.alt(),
                urls.absolute(item.originalUrl()),
                item.renditions().stream().map(r -> urls.absolute(r.url())).toList());
    }
}
