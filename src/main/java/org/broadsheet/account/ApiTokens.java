package org.broadsheet.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' API tokens: made in the newsroom, shown once, kept only as a SHA-256 hash of
 * a random 256-bit secret, and revocable. A token acts as its owner with the owner's role as it
 * is at each request: nothing is remembered between requests, so a revoked token, a disabled
 * account or a demoted role takes effect at once on every node. Failed tokens count against
 * the address like failed sign-ins ({@link SignInThrottle}).
 */
@Service
public class ApiTokens {

    /** The longest name a token may have. */
    public static final int NAME_MAX = 100;
    /** Every token starts so, which lets secret scanners recognise one that leaked. */
    static final String PREFIX = "bst_";
    /** A use is recorded at most this often per token, so that reads do not each write. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    /** What the throttle records as the "email" of a failed token. */
    static final String THROTTLE_KEY = "(api token)";

    /** A token as its owner's list shows it; never the secret. */
    public record Summary(
            long id,
            String name,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    /** What checking a bearer token found: its owner, or when the address may try again. */
    public sealed interface Check {
        record Valid(Staff staff) implements Check {}

        record Refused() implements Check {}

        record Throttled(Instant until) implements Check {}
    }

    private final ApiTokenRepository repository;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository repository, SignInThrottle throttle, Clock clock) {
        this.repository = repository;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Makes a token for this staff member and returns it: the only time it is seen.
     *
     * @throws ValidationException if the name is blank or too long
     */
    @Transactional
    public String create(Staff owner, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw ValidationException.of(
                    "name", trimmed.isEmpty() ? "Give the token a name" : "At most " + NAME_MAX + " characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        repository.insert(owner.id(), trimmed, AccountService.hash(token), clock.instant());
        return token;
    }

    /** This staff member's tokens that still work, newest first. */
    public List<Summary> list(long staffId) {
        return repository.forStaff(staffId);
    }

    /** Revokes one of this staff member's tokens; 404 if they have no such token. */
    @Transactional
    public void revoke(long staffId, long tokenId) {
        if (repository.revoke(staffId, tokenId, clock.instant()) == 0) {
            throw new NotFoundException("No such token");
        }
    }

    /**
     * Checks a bearer token sent from {@code ip}: its owner if it is a live token of an enabled
     * account; a refusal (counted against the address) otherwise; or, after too many refusals
     * from the address, when it may try again (even a good token waits, as at sign-in).
     */
    @Transactional
    public Check check(String token, String ip) {
        Optional<Instant> locked = throttle.lockedUntilForIp(ip);
        if (locked.isPresent()) {
            return new Check.Throttled(locked.get());
        }
        Optional<ApiTokenRepository.Holder> holder = token.startsWith(PREFIX) && token.length() < 200
                ? repository.holder(AccountService.hash(token))
                : Optional.empty();
        if (holder.isEmpty()) {
            throttle.record(THROTTLE_KEY, ip, false);
            return new Check.Refused();
        }
        Instant now = clock.instant();
        Instant last = holder.get().lastUsedAt();
        if (last == null || last.isBefore(now.minus(LAST_USED_PRECISION))) {
            repository.touch(holder.get().tokenId(), now, now.minus(LAST_USED_PRECISION));
        }
        return new Check.Valid(holder.get().staff());
    }
}
