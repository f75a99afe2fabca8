package org.broadsheet.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadsheet.mail.MailQueue;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: creating them, their passwords, their roles, and the one-time links that
 * let the first administrator and newly invited staff choose a password. There is no default
 * account and no default password anywhere: every password is chosen by its owner or drawn at
 * random and shown once.
 */
@Service
public class AccountService {

    /** The fewest characters a password may have. */
    public static final int PASSWORD_MIN = 12;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
    static final int PASSWORD_MAX_BYTES = 72;
    /**
     * The most a password field takes: well over {@link #PASSWORD_MAX_BYTES}, so that a password
     * too long is refused with the reason rather than cut short by the browser.
     */
    public static final int PASSWORD_FIELD_MAX = 200;
    /** The longest email address that can be delivered (RFC 5321). */
    public static final int EMAIL_MAX = 254;
    /** The longest name a staff member may have. */
    public static final int NAME_MAX = 100;

    static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);
    /** How long a set-up link outlives the making of the next (nodes of one deploy start within it). */
    static final Duration SETUP_LINKS_OVERLAP = Duration.ofMinutes(10);

    static final Duration PASSWORD_LINK_LIFETIME = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final StaffRepository repository;
    private final PasswordEncoder encoder;
    private volatile @Nullable String unusableHash;
    private final Clock clock;
    private final MailQueue mail;
    private final AccountMails mails;
    private final SecureRandom random = new SecureRandom();

    AccountService(
            StaffRepository repository, PasswordEncoder encoder, Clock clock, MailQueue mail, AccountMails mails) {
        this.repository = repository;
        this.encoder = encoder;
        this.clock = clock;
        this.mail = mail;
        this.mails = mails;
    }

    /** Whether one-time links are mailed to their staff member (mail is set up) rather than shown on screen. */
    public boolean mailsLinks() {
        return mail.enabled();
    }

    /** The enabled staff member with this id, as handlers see them. */
    public Optional<Staff> findStaff(long id) {
        return repository
                .findById(id)
                .map(StaffRepository.Credentials::account)
                .filter(StaffAccount::enabled)
                .map(StaffAccount::staff);
    }

    /**
     * The staff member a session belongs to, if they are still enabled and have not changed
     * their password since the session began (which signs out every other session).
     */
    public Optional<Staff> staffForSession(long id, Instant passwordChangedAt) {
        return repository
                .findById(id)
                .filter(c -> c.account().enabled()
                        && c.passwordChangedAt().toEpochMilli() == passwordChangedAt.toEpochMilli())
                .map(c -> c.account().staff());
    }

    public Optional<StaffAccount> findAccount(long id) {
        return repository.findById(id).map(StaffRepository.Credentials::account);
    }

    public List<StaffAccount> list() {
        return repository.list();
    }

    public boolean hasStaff() {
        return repository.count() > 0;
    }

    /**
     * Creates a staff member with a password they chose (the command line, the first
     * administrator's form) or one drawn by {@link #randomPassword()}.
     */
    @Transactional
    public long create(String email, String name, Role role, Long authorId, String password) {
        Problems problems = validateProfile(email, name, role, null);
        validatePassword(password, email, "password", problems);
        problems.throwIfAny();
        return insert(email, name, role, authorId, encoder.encode(password));
    }

    /**
     * Adds a staff member who chooses their own password through the returned one-time link
     * token (valid for {@link #PASSWORD_LINK_LIFETIME}). Until then nobody can sign in as them.
     * When {@link #mailsLinks()}, the link is also mailed to them, in this transaction's queue.
     */
    @Transactional
    public Invitation invite(String email, String name, Role role, Long authorId) {
        validateProfile(email, name, role, null).throwIfAny();
        long id = insert(email, name, role, authorId, encoder.encode(randomToken()));
        String token = issueToken("password", id, PASSWORD_LINK_LIFETIME);
        boolean mailed = mail.enabled();
        if (mailed) {
            mail.enqueue(
                    mails.invitation(repository.findById(id).orElseThrow().account(), token, PASSWORD_LINK_LIFETIME));
        }
        return new Invitation(id, token, mailed);
    }

    /**
     * Adds a staff member brought in by an import (a WordPress author): disabled, with no
     * password anyone knows, until an administrator enables them and sends a password link
     * ({@link #passwordLink}). Refused like {@link #invite} (an email already taken, say).
     */
    @Transactional
    public long importDisabled(String email, String name, Role role, Long authorId) {
        validateProfile(email, name, role, null).throwIfAny();
        long id = insert(email, name, role, authorId, unusableHash());
        repository.updateProfile(id, email.strip(), name.strip(), role, authorId, false);
        return id;
    }

    /**
     * The hash of a random token nobody ever sees, made once per process: an import of many
     * authors would otherwise spend a bcrypt round (tens of milliseconds) on each account that
     * nobody can sign in to anyway.
     */
    private String unusableHash() {
        String hash = unusableHash;
        if (hash == null) {
            hash = encoder.encode(randomToken());
            unusableHash = hash;
        }
        return hash;
    }

    /** A new one-time link for a staff member who forgot their password; earlier links stop working. */
    @Transactional
    public String passwordLink(long staffId) {
        repository.findById(staffId).orElseThrow(() -> new NotFoundException("No staff member " + staffId));
        return issueToken("password", staffId, PASSWORD_LINK_LIFETIME);
    }

    /**
     * A new one-time password link, mailed to the staff member (an administrator's "send a
     * password link" when {@link #mailsLinks()}); earlier links stop working.
     */
    @Transactional
    public void mailPasswordLink(long staffId) {
        StaffAccount account = repository
                .findById(staffId)
                .orElseThrow(() -> new NotFoundException("No staff member " + staffId))
                .account();
        String token = issueToken("password", staffId, PASSWORD_LINK_LIFETIME);
        mail.enqueue(mails.passwordReset(account, token, PASSWORD_LINK_LIFETIME));
    }

    /**
     * What an invitation gives the administrator: the token of the set-password link to pass
     * on, and whether it was mailed to the newcomer already.
     */
    public record Invitation(long staffId, String token, boolean mailed) {}

    @Transactional
    public void update(
            long actorId, long staffId, String email, String name, Role role, Long authorId, boolean enabled) {
        repository.lockStaffTable();
        StaffAccount before = repository
                .findById(staffId)
                .map(StaffRepository.Credentials::account)
                .orElseThrow(() -> new NotFoundException("No staff member " + staffId));
        Problems problems = validateProfile(email, name, role, staffId);
        boolean stillAdmin = role == Role.ADMINISTRATOR && enabled;
        boolean wasAdmin = before.role() == Role.ADMINISTRATOR && before.enabled();
        problems.require(
                !(wasAdmin && !stillAdmin && repository.countEnabledAdministrators() <= 1),
                "role",
                "The site needs at least one administrator: make someone else an administrator first");
        problems.require(!(actorId == staffId && !enabled), "enabled", "You cannot disable your own account");
        problems.throwIfAny();
        try {
            repository.updateProfile(staffId, email.strip(), name.strip(), role, authorId, enabled);
        } catch (DuplicateKeyException e) {
            new Problems()
                    .require(false, "email", "Another staff member has that email")
                    .throwIfAny();
        }
    }

    /** Changes one's own password; the current one must be given. Other sessions are signed out. */
    @Transactional
    public void changePassword(long staffId, String current, String next) {
        StaffRepository.Credentials credentials =
                repository.findById(staffId).orElseThrow(() -> new NotFoundException("No staff member " + staffId));
        Problems problems = new Problems();
        problems.require(
                current != null && encoder.matches(current, credentials.passwordHash()),
                "current",
                "The current password is not right");
        validatePassword(next, credentials.account().email(), "password", problems);
        problems.require(
                next == null || !next.equals(current), "password", "The new password must differ from the current one");
        problems.throwIfAny();
        repository.updatePassword(staffId, encoder.encode(next), clock.instant());
    }

    // ---- one-time links

    /** Whether a set-up or password link is still good, without using it. */
    @Transactional
    public Optional<String> linkPurpose(String token) {
        return usable(token).map(StaffRepository.Token::purpose);
    }

    /**
     * On a site where no administrator can sign in (none yet, or only the disabled accounts an
     * import made), makes a set-up link and returns its token; empty once an enabled
     * administrator exists. Links made before the last {@link #SETUP_LINKS_OVERLAP} stop
     * working: a link in an old log is dead, but when several nodes start together, the link
     * each one prints works, whichever log the operator reads.
     */
    @Transactional
    public Optional<String> setupLinkIfNoAdministrator() {
        repository.lockStaffTable();
        if (repository.countEnabledAdministrators() > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        repository.retireSetupTokensMadeBefore(now.minus(SETUP_LINKS_OVERLAP), now);
        return Optional.of(issueToken("setup", null, SETUP_LINK_LIFETIME));
    }

    /** Uses a set-up link: creates the first administrator. The link then stops working. */
    @Transactional
    public long createFirstAdministrator(String token, String email, String name, String password) {
        repository.lockStaffTable();
        StaffRepository.Token link = usable(token)
                .filter(t -> t.purpose().equals("setup"))
                .orElseThrow(() -> new NotFoundException("No such set-up link"));
        Problems problems = validateProfile(email, name, Role.ADMINISTRATOR, null);
        validatePassword(password, email, "password", problems);
        problems.require(
                repository.countEnabledAdministrators() == 0,
                "email",
                "An administrator already exists; sign in instead");
        problems.throwIfAny();
        long id = insert(email, name, Role.ADMINISTRATOR, null, encoder.encode(password));
        repository.markTokenUsed(hash(token), clock.instant());
        return id;
    }

    /** Uses a password link: sets the password of the staff member it was made for. Returns their email. */
    @Transactional
    public String setPasswordWithLink(String token, String password) {
        StaffRepository.Token link = usable(token)
                .filter(t -> t.purpose().equals("password"))
                .orElseThrow(() -> new NotFoundException("No such link"));
        StaffAccount account = repository.findById(link.staffId()).orElseThrow().account();
        Problems problems = new Problems();
        validatePassword(password, account.email(), "password", problems);
        problems.throwIfAny();
        repository.updatePassword(account.id(), encoder.encode(password), clock.instant());
        repository.markTokenUsed(hash(token), clock.instant());
        return account.email();
    }

    /** A password of 20 random letters and digits, for demo staff and the command line. */
    public String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    // ---- helpers

    private long insert(String email, String name, Role role, Long authorId, String hash) {
        try {
            return repository.insert(email.strip(), name.strip(), role, authorId, hash, clock.instant());
        } catch (DuplicateKeyException e) {
            new Problems()
                    .require(false, "email", "Another staff member has that email")
                    .throwIfAny();
            throw e;
        }
    }

    private Problems validateProfile(String email, String name, Role role, Long id) {
        Problems problems = new Problems();
        problems.requireText(email, "email", "Email", EMAIL_MAX);
        if (email != null && !email.isBlank()) {
            problems.require(
                    EMAIL.matcher(email.strip()).matches(), "email", "Enter an email such as name@example.com");
            problems.require(!repository.emailTaken(email.strip(), id), "email", "Another staff member has that email");
        }
        problems.requireText(name, "name", "Name", NAME_MAX).require(role != null, "role", "Choose a role");
        return problems;
    }

    private static void validatePassword(String password, String email, String field, Problems problems) {
        if (password == null || password.isEmpty()) {
            problems.require(false, field, "Password is required");
            return;
        }
        problems.require(
                        password.codePointCount(0, password.length()) >= PASSWORD_MIN,
                        field,
                        "Password must be at least " + PASSWORD_MIN + " characters")
                .require(
                        password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES,
                        field,
                        "Password must be at most " + PASSWORD_MAX_BYTES + " bytes (about 70 letters)")
                .require(
                        email == null || !password.equalsIgnoreCase(email.strip()),
                        field,
                        "Password must not be your email")
                .require(
                        password.chars().distinct().count() >= 5,
                        field,
                        "Password must not repeat a few characters over and over");
    }

    private Optional<StaffRepository.Token> usable(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        return repository.findUsableToken(hash(token), clock.instant());
    }

    String issueToken(String purpose, Long staffId, Duration lifetime) {
        String token = randomToken();
        Instant now = clock.instant();
        if (staffId != null) {
            repository.retireTokens(purpose, staffId, now);
        }
        repository.insertToken(hash(token), purpose, staffId, now, now.plus(lifetime));
        return token;
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
