package org.broadsheet.media;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code broadsheet.media.s3.*}: where media go when {@code broadsheet.media.storage=s3}. Credentials
 * are never settings: the AWS SDK's default chain finds them (environment variables
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, the shared profile files, a container or
 * instance role).
 *
 * @param bucket    the bucket, which must exist; required for {@code s3}
 * @param prefix    the folder of the bucket media are kept under ({@code "media/"}); empty for the
 *                  whole bucket. Only objects under it are ever listed or deleted by the orphan sweep
 * @param endpoint  the server for other S3-compatible stores (MinIO, Ceph RGW, R2, …); empty for AWS
 * @param region    the region to sign for; empty for the SDK's default chain ({@code AWS_REGION},
 *                  the profile), or {@code us-east-1} with an endpoint
 * @param pathStyle {@code https://host/bucket/key} instead of {@code https://bucket.host/key}, as
 *                  most self-hosted stores need
 */
public record S3Settings(
        @Nullable String bucket,
        @DefaultValue("") String prefix,
        @Nullable URI endpoint,
        @Nullable String region,
        @DefaultValue("false") boolean pathStyle) {

    /** Folders of letters, digits, dots, underscores and hyphens; none empty, none only dots. */
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.-]*[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*");

    public S3Settings {
        prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("broadsheet.media.s3.prefix must be folder names separated by '/'"
                    + " (letters, digits, '.', '_', '-'), not " + prefix);
        }
        if (endpoint != null && !isHttp(endpoint)) {
            throw new IllegalArgumentException("broadsheet.media.s3.endpoint must be an http(s) address");
        }
    }

    private static boolean isHttp(URI endpoint) {
        String scheme = endpoint.getScheme();
        return ("http".equals(scheme) || "https".equals(scheme)) && endpoint.getHost() != null;
    }

    /** The bucket, checked: a store of kind {@code s3} cannot start without one. */
    String requiredBucket() {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException(
                    "broadsheet.media.storage=s3 needs broadsheet.media.s3.bucket (an existing bucket)");
        }
        return bucket.strip();
    }
}
