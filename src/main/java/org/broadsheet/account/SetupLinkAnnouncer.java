package org.broadsheet.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a start with no staff at all, prints a one-time link (valid for 24 hours) that lets
 * whoever runs the site create the first administrator. Each start makes a new link and
 * retires those made more than ten minutes before, so that nodes started together each print
 * one that works. There is no default account to fall back on.
 */
@Component
record SetupLinkAnnouncer(AccountService accounts) {

    private static final Logger log = LoggerFactory.getLogger(SetupLinkAnnouncer.class);

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // a command such as create-admin, not the site
        }
        accounts.setupLinkIfNoAdministrator()
                .ifPresent(token -> log.warn("""

                No staff account exists yet. Create the first administrator within 24 hours at:

                    http://localhost:{}/newsroom/setup/{}

                (or stop the site and run: java -jar broadsheet.jar create-admin --email you@example.com --name "Your Name")
                """, web.getWebServer().getPort(), token));
    }
}
