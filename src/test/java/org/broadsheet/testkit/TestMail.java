package org.broadsheet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.BroadsheetTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one per test JVM, and the site set up
 * to send to it. Test classes that carry {@link MailSite} share one application context. A
 * test stops and starts the server to play an outage; each reads only the mail of addresses
 * of its own ({@link Unique#email}).
 */
public final class TestMail {

    /** The site with mail set up: {@code @BroadsheetTest} plus the SMTP settings of {@link TestMail}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @BroadsheetTest
    @ContextConfiguration(initializers = SmtpSettings.class)
    public @interface MailSite {}

    /** {@code spring.mail.host} and {@code port} for the test server; a quick poll, short retries. */
    public static final class SmtpSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            server(); // started before the site, so mail queued at start-up is delivered
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test-mail",
                            Map.of(
                                    "spring.mail.host", "127.0.0.1",
                                    "spring.mail.port", Integer.toString(PORT),
                                    "broadsheet.mail.from", "newsroom@broadsheet.example",
                                    "broadsheet.mail.from-name", "Broadsheet Newsroom",
                                    "broadsheet.mail.poll-interval", "1s",
                                    "broadsheet.site.url", "https://news.example",
                                    "logging.level.com.icegreen", "WARN")));
        }
    }

    private static final int PORT = FreePorts.any();
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static GreenMail server;

    private TestMail() {}

    /** The running server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Stops the server: the port refuses connections until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized void start() {
        server();
    }

    /** What {@code address} has received so far. */
    public static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    /** Waits up to ten seconds until {@code address} has {@code count} mails, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        long until = System.nanoTime() + 10_000_000_000L;
        List<MimeMessage> mail = receivedBy(address);
        while (mail.size() < count && System.nanoTime() < until) {
            sleep(50);
            mail = receivedBy(address);
        }
        assertThat(mail).as("mail to " + address).hasSize(count);
        return mail;
    }

    /** The one mail {@code address} gets, waited for. */
    public static MimeMessage awaitOne(String address) {
        return await(address, 1).get(0);
    }

    /** The text of a plain mail. */
    public static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("\r\n", "\n");
    }

    /** The first link in a mail's text. */
    public static String link(MimeMessage mail) {
        Matcher link = LINK.matcher(body(mail));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return link.group();
    }

    /** The path and query of the first link: the test site's port is not known when the link is made. */
    public static String linkPath(MimeMessage mail) {
        return link(mail).replaceFirst("^https?://[^/]+", "");
    }

    /** The addresses a mail went to, without their names. */
    private static List<String> recipients(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress())
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
