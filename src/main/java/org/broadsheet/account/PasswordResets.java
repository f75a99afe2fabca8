package org.broadsheet.account;

import java.time.Duration;
import org.broadsheet.mail.MailQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a staff member gives their email and, if it belongs to an enabled
 * account and mail is set up, gets a one-time link (the same kind an administrator makes, but
 * valid for {@link #RESET_LINK_LIFETIME} only) that sets a new password. The answer never says
 * whether the address belongs to anyone; requests are rate-limited per address and per client
 * ({@link ResetThrottle}).
 */
@Service
public class PasswordResets {

    /** How long a link asked for by its owner works: long enough to read one's mail, short for a stolen inbox. */
    public static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

    /** What a request came to, as far as the one who made it may know. */
    public enum Answer {
        /** Taken: a link is on its way if the address belongs to a staff account. */
        TAKEN,
        /** Refused: too many requests for this address or from this client; nothing was sent. */
        TOO_MANY
    }

    private final StaffRepository repository;
    private final AccountService accounts;
    private final ResetThrottle throttle;
    private final MailQueue mail;
    private final AccountMails mails;

    PasswordResets(
            StaffRepository repository,
            AccountService accounts,
            ResetThrottle throttle,
            MailQueue mail,
            AccountMails mails) {
        this.repository = repository;
        this.accounts = accounts;
        this.throttle = throttle;
        this.mail = mail;
        this.mails = mails;
    }

    /** Whether the form can send anything: without mail set up, staff ask an administrator instead. */
    public boolean available() {
        return mail.enabled();
    }

    /**
     * Asks for a reset link for {@code email} from the client at {@code ip}. The link (and the
     * mail carrying it) is made in this transaction, and earlier password links of the account
     * stop working; an unknown or disabled address gets nothing, with the same answer.
     */
    @Transactional
    public Answer request(String email, String ip) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > AccountService.EMAIL_MAX) {
            return Answer.TAKEN;
        }
        if (!throttle.allow(address, ip)) {
            return Answer.TOO_MANY;
        }
        if (mail.enabled()) {
            repository
                    .findByEmail(address)
                    .map(StaffRepository.Credentials::account)
                    .filter(StaffAccount::enabled)
                    .ifPresent(account -> mail.enqueue(mails.passwordReset(
                            account,
                            accounts.issueToken("password", account.id(), RESET_LINK_LIFETIME),
                            RESET_LINK_LIFETIME)));
        }
        return Answer.TAKEN;
    }
}
