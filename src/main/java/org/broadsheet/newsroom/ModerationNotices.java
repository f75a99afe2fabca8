package org.broadsheet.newsroom;

import java.time.Duration;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Permission;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.WaitingComments;
import org.broadsheet.mail.MailMessage;
import org.broadsheet.mail.MailQueue;
import org.broadsheet.mail.MailSettings;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SiteIdentitySource;
import org.broadsheet.web.SiteUrls;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Comments await moderation" mails to every enabled staff member who may moderate, batched:
 * at most one per editor per {@code broadsheet.mail.moderation-interval}, and only when a
 * comment has come in since their last one. Each says how many wait and links to the queue.
 * Every node looks once a minute; {@link MailQueue#enqueueDigest} lets one of them queue each
 * notice. On by default when mail is set up ({@code broadsheet.mail.moderation-notices}).
 */
@Component
record ModerationNotices(
        MailQueue mail,
        MailSettings settings,
        AccountService accounts,
        CommentService comments,
        SiteUrls urls,
        SiteIdentitySource identity) {

    @Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
    void everyMinute() {
        if (mail.enabled() && settings.moderationNotices()) {
            queueDue();
        }
    }

    /** Queues the notices due now; returns how many. */
    int queueDue() {
        WaitingComments waiting = comments.waiting();
        if (waiting.count() == 0 || waiting.newest().isEmpty()) {
            return 0;
        }
        int queued = 0;
        for (StaffAccount editor : accounts.list()) {
            if (editor.enabled()
                    && editor.role().can(Permission.MODERATE_COMMENTS)
                    && mail.enqueueDigest(
                            "moderation:" + editor.id(),
                            settings.moderationInterval(),
                            waiting.newest().get(),
                            notice(editor, waiting.count()))) {
                queued++;
            }
        }
        return queued;
    }

    private MailMessage notice(StaffAccount editor, long count) {
        String site = identity.current().name();
        String what = count == 1 ? "1 comment awaits" : count + " comments await";
        return new MailMessage(
                "moderation", editor.email(), editor.name(), what + " moderation on " + site, """
                Hello %s,

                %s moderation on %s. Review them in the newsroom:

                %s

                This notice comes at most once every %s, and only when new comments wait.
                """.formatted(
                                editor.name(),
                                what,
                                site,
                                urls.absolute(NewsroomUrls.COMMENTS),
                                minutes(settings.moderationInterval())));
    }

    private static String minutes(Duration interval) {
        long minutes = Math.max(1, interval.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
