package org.broadsheet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * The site's static files ({@code src/main/resources/static}), served under {@code /assets/}.
 * Each is read once at start-up, fingerprinted with its content hash and, for text types,
 * gzipped once. Templates name a file through {@link #url}, which gives its fingerprinted
 * address ({@code /assets/site.3f2a9c1e04.css}), served {@code immutable} for a year; the plain
 * address ({@code /assets/site.css}) keeps working with {@code no-cache} (see {@code AssetController}).
 */
@Component
public class Assets {

    public static final String PREFIX = "/assets/";

    private static final Logger log = LoggerFactory.getLogger(Assets.class);
    private static final int FINGERPRINT_LENGTH = 10;
    /** {@code name.{fingerprint}.ext} or {@code name.{fingerprint}}: an address an earlier deploy may have named. */
    private static final Pattern FINGERPRINTED =
            Pattern.compile("(.+)\\.[0-9a-f]{" + FINGERPRINT_LENGTH + "}(\\.[A-Za-z0-9]+)?");

    private final Map<String, StaticAsset> byName;
    private final Map<String, StaticAsset> byFingerprintedName;

    public Assets() {
        this.byName = load();
        Map<String, StaticAsset> fingerprinted = new HashMap<>();
        byName.values().forEach(asset -> fingerprinted.put(asset.fingerprintedName(), asset));
        this.byFingerprintedName = Map.copyOf(fingerprinted);
        log.info("{} static files fingerprinted", byName.size());
    }

    /**
     * The fingerprinted address of the static file {@code name} (its path under {@code static/},
     * such as {@code site.css}). A name that is not there is a mistake in a template, so it fails.
     */
    public String url(String name) {
        StaticAsset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("No static file " + name);
        }
        return PREFIX + asset.fingerprintedName();
    }

    /** What is asked for by a path under {@code /assets/}. */
    Optional<Lookup> find(String path) {
        StaticAsset exact = byFingerprintedName.get(path);
        if (exact != null) {
            return Optional.of(new Lookup(exact, true));
        }
        StaticAsset plain = byName.get(path);
        if (plain != null) {
            return Optional.of(new Lookup(plain, false));
        }
        Matcher old = FINGERPRINTED.matcher(path);
        if (old.matches()) {
            String name = old.group(1) + (old.group(2) == null ? "" : old.group(2));
            return Optional.ofNullable(byName.get(name)).map(asset -> new Lookup(asset, false));
        }
        return Optional.empty();
    }

    /**
     * A static file asked for.
     *
     * @param current whether the address named its current fingerprint (so may be kept for ever)
     */
    record Lookup(StaticAsset asset, boolean current) {}

    private static Map<String, StaticAsset> load() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            String root = resolver.getResource("classpath:/static/").getURL().toString();
            Map<String, StaticAsset> assets = new HashMap<>();
            for (Resource resource : resolver.getResources("classpath:/static/**")) {
                String url = resource.getURL().toString();
                if (!url.startsWith(root) || url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                String name = url.substring(root.length());
                try (InputStream in = resource.getInputStream()) {
                    assets.put(name, asset(name, in.readAllBytes()));
                }
            }
            return Map.copyOf(assets);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the static files", e);
        }
    }

    static StaticAsset asset(String name, byte[] bytes) {
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        boolean text = isText(type);
        String contentType = text && type.getCharset() == null && "text".equals(type.getType())
                ? new MediaType(type, StandardCharsets.UTF_8).toString()
                : type.toString();
        byte[] gzip = text ? gzip(bytes) : null;
        byte[] brotli = text ? Brotli.compress(bytes) : null;
        return new StaticAsset(
                name, fingerprint(bytes), contentType, bytes, smaller(gzip, bytes), smaller(brotli, bytes));
    }

    /** {@code compressed} when it is smaller than {@code bytes}, else null. */
    private static byte @Nullable [] smaller(byte @Nullable [] compressed, byte[] bytes) {
        return compressed != null && compressed.length < bytes.length ? compressed : null;
    }

    private static boolean isText(MediaType type) {
        String subtype = type.getSubtype();
        return "text".equals(type.getType())
                || subtype.contains("javascript")
                || subtype.contains("json")
                || subtype.contains("xml");
    }

    private static String fingerprint(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash).substring(0, FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
