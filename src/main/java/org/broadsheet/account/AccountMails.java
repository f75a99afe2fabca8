package org.broadsheet.account;

import java.time.Duration;
import org.broadsheet.mail.MailMessage;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SiteIdentitySource;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Component;

/**
 * What the mails of accounts say: plain text, the one-time link on a line of its own. Links are
 * absolute on {@code broadsheet.site.url}, or on the address of the request that caused the mail.
 */
@Component
record AccountMails(SiteUrls urls, SiteIdentitySource identity) {

    MailMessage invitation(StaffAccount account, String token, Duration lifetime) {
        String site = identity.current().name();
        return new MailMessage(
                "invitation",
                account.email(),
                account.name(),
                "You are invited to the " + site + " newsroom",
                """
                Hello %s,

                You now have a staff account in the %s newsroom, as %s.
                Choose your password with this link, then sign in with your email address:

                %s

                The link works once, within %s. If you did not expect this mail, you can ignore it.
                """.formatted(
                                account.name(),
                                site,
                                account.role().label().toLowerCase(java.util.Locale.ROOT),
                                urls.absolute(NewsroomUrls.password(token)),
                                describe(lifetime)));
    }

    MailMessage passwordReset(StaffAccount account, String token, Duration lifetime) {
        String site = identity.current().name();
        return new MailMessage(
                "password-reset",
                account.email(),
                account.name(),
                "Choose a new password for the " + site + " newsroom",
                """
                Hello %s,

                Someone asked for a new password for your %s newsroom account.
                If it was you, choose your new password with this link:

                %s

                The link works once, within %s. If you did not ask, ignore this mail:
                your password stays as it is.
                """.formatted(account.name(), site, urls.absolute(NewsroomUrls.password(token)), describe(lifetime)));
    }

    private static String describe(Duration lifetime) {
        if (lifetime.toDays() >= 1) {
            return lifetime.toDays() + (lifetime.toDays() == 1 ? " day" : " days");
        }
        long hours = Math.max(1, lifetime.toHours());
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
