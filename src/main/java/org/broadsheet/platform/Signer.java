package org.broadsheet.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs short values the site hands to browsers and must recognise when they come back
 * (form tokens, a reader's list of held comments), with HMAC-SHA256.
 *
 * <p>The key is made at random on first start and kept in the database, so every node
 * signing for the same site shares it and nothing secret lives in the repository or the
 * configuration. Thread-safe.
 */
@Component
public class Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    Signer(JdbcClient jdbc) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into signing_key (name, secret) values ('forms', ?) on conflict (name) do nothing")
                .param(fresh)
                .update();
        byte[] secret = jdbc.sql("select secret from signing_key where name = 'forms'")
                .query(byte[].class)
                .single();
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The signature of {@code message}: 43 URL-safe characters. */
    public String sign(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is this site's signature of {@code message}, compared in constant time. */
    public boolean verify(String message, @Nullable String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(message).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }
}
