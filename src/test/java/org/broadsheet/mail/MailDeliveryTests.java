package org.broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.TestMail;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue and its delivery against a real SMTP server (GreenMail): headers that no name can
 * add to, an outage that loses nothing, and several senders on one database that deliver each
 * mail once. What is queued is committed (the site's own thread delivers it), so each test
 * mails addresses of its own.
 */
@TestMail.MailSite
class MailDeliveryTests {

    @Autowired
    MailQueue queue;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailRepository repository;

    @Autowired
    ObjectProvider<JavaMailSender> senders;

    @Autowired
    MailSettings settings;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Test
    void aNameWithLineBreaksAddsNoHeaderAndNoRecipient() throws Exception {
        String email = Unique.email("eve");
        String intruder = Unique.email("intruder");
        accounts.invite(email, "Eve\r\nBcc: " + intruder + "\r\nSubject: Forged\nX-Evil: yes", Role.CONTRIBUTOR, null);

        MimeMessage mail = TestMail.awaitOne(email);
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Evil")).isNull();
        assertThat(mail.getHeader("Subject")).singleElement().asString().doesNotContain("Forged");
        String toHeader = mail.getHeader("To")[0];
        assertThat(toHeader.split("\r\n", -1))
                .as("a long header may be folded, but every line after the first goes on with white space")
                .allSatisfy(line -> assertThat(line.equals(toHeader.split("\r\n", -1)[0])
                                || line.startsWith(" ")
                                || line.startsWith("\t"))
                        .isTrue());
        InternetAddress to = (InternetAddress) mail.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(to.getAddress()).isEqualTo(email);
        assertThat(to.getPersonal()).isEqualTo("Eve Bcc: " + intruder + " Subject: Forged X-Evil: yes");
        assertThat(mail.getFrom()).singleElement().hasToString("Broadsheet Newsroom <newsroom@broadsheet.example>");
        TestMail.sleep(300); // anything else would have come with it
        assertThat(TestMail.receivedBy(intruder)).isEmpty();
    }

    @Test
    void anAddressThatIsNotOnePlainAddressIsRefusedBeforeItIsQueued() {
        for (String bad : List.of("a@b.example\r\nBcc: c@d.example", "a@b.example, c@d.example", "Eve <a@b.example>")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailMessage("test", bad, "", "S", "B"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anOutageLosesNothingAndTheMailGoesOnceWhenTheServerIsBack() {
        String email = Unique.email("outage");
        TestMail.stop();
        long id;
        try {
            id = queueOne(email, "Sent through an outage");
            awaitAttempts(id, 1);
            delivery.sendDue(); // not due yet: nothing is tried again before the backoff
            Map<String, Object> waiting = row(id);
            assertThat(waiting.get("status")).isEqualTo("waiting");
            assertThat(waiting.get("attempts")).isEqualTo(1);
            assertThat((String) waiting.get("last_error")).isNotBlank();
            assertThat(waiting.get("body")).as("kept until sent").isNotNull();
            assertThat(((java.sql.Timestamp) waiting.get("next_attempt_at")).toInstant())
                    .as("the first retry waits a minute")
                    .isAfter(Instant.now().plusSeconds(50));
        } finally {
            TestMail.start();
        }
        jdbc.sql("update mail_queue set next_attempt_at = now() where id = ?")
                .param(id)
                .update();
        delivery.sendDue();

        MimeMessage mail = TestMail.awaitOne(email);
        assertThat(TestMail.body(mail)).contains("Sent through an outage");
        for (int i = 0; i < 3; i++) {
            delivery.sendDue();
        }
        TestMail.sleep(300);
        assertThat(TestMail.receivedBy(email)).hasSize(1);
        Map<String, Object> sent = row(id);
        assertThat(sent.get("status")).isEqualTo("sent");
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("body"))
                .as("a sent mail's text (maybe a one-time link) is not kept")
                .isNull();
        assertThat(sent.get("sent_at")).isNotNull();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(List.of(1, 2, 3, 7, 8, 40).stream().map(settings::backoff).map(d -> d.toMinutes()))
                .containsExactly(1L, 2L, 4L, 60L, 60L, 60L);
    }

    @Test
    void twoSendersOnOneDatabaseDeliverEachMailOnce() throws Exception {
        MailDelivery other = new MailDelivery(repository, senders, settings, transactions, Clock.systemUTC());
        List<String> addresses = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 30; i++) {
                String email = Unique.email("node");
                addresses.add(email);
                queue.enqueue(new MailMessage("test", email, "Reader " + i, "Mail " + i, "Number " + i));
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> senders =
                    List.of(() -> drain(delivery), () -> drain(other), () -> drain(delivery), () -> drain(other));
            int sent = 0;
            for (Future<Integer> done : threads.invokeAll(senders)) {
                sent += done.get();
            }
            assertThat(sent)
                    .as("sent by the test's senders (the site's own thread may send some)")
                    .isLessThanOrEqualTo(30);
        } finally {
            threads.shutdown();
        }
        for (String email : addresses) {
            TestMail.awaitOne(email);
        }
        TestMail.sleep(300);
        for (String email : addresses) {
            assertThat(TestMail.receivedBy(email)).as(email).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from mail_queue where recipient in (:to) and status = 'sent'")
                        .param("to", addresses)
                        .query(Long.class)
                        .single())
                .isEqualTo(30);
    }

    @Test
    void stoppingLetsTheSendUnderWayFinishAndStartsNoOther() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        JavaMailSender real = senders.getObject();
        JavaMailSenderImpl slow = new JavaMailSenderImpl() {
            @Override
            public MimeMessage createMimeMessage() {
                return real.createMimeMessage();
            }

            @Override
            public void send(MimeMessage message) {
                sending.countDown();
                TestMail.sleep(500);
                real.send(message);
            }
        };
        ObjectProvider<JavaMailSender> slowly =
                new StaticListableBeanFactory(Map.of("slow", slow)).getBeanProvider(JavaMailSender.class);
        // The node lives two hours ahead: the row is due for it and not yet for the site's own thread.
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        MailDelivery node = new MailDelivery(repository, slowly, settings, transactions, ahead);
        String first = Unique.email("stopping");
        String second = Unique.email("stopping");
        long firstId = transactions.execute(tx -> repository.insert(
                new MailMessage("test", first, "Reader", "A test mail", "Under way when the node stops"),
                null,
                Instant.now().plus(Duration.ofHours(1))));

        node.start();
        assertThat(node.isRunning()).isTrue();
        try {
            assertThat(sending.await(10, TimeUnit.SECONDS))
                    .as("the node began sending")
                    .isTrue();
        } finally {
            node.stop();
        }
        assertThat(node.isRunning()).isFalse();
        assertThat(row(firstId).get("status"))
                .as("finished and recorded before stop() returned")
                .isEqualTo("sent");
        node.wake(); // asks a stopped node for nothing
        assertThat(TestMail.await(first, 1)).hasSize(1);
        queueOne(second, "Queued after the stop");
        assertThat(TestMail.awaitOne(second))
                .as("the site's running node sends it")
                .isNotNull();
    }

    private static int drain(MailDelivery sender) {
        int sent = 0;
        while (sender.deliverOne() == MailDelivery.Outcome.SENT) {
            sent++;
        }
        return sent;
    }

    private long queueOne(String email, String text) {
        transactions.executeWithoutResult(
                tx -> queue.enqueue(new MailMessage("test", email, "Reader", "A test mail", text)));
        return jdbc.sql("select id from mail_queue where recipient = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private void awaitAttempts(long id, int attempts) {
        long until = System.nanoTime() + 10_000_000_000L;
        while ((int) row(id).get("attempts") < attempts && System.nanoTime() < until) {
            delivery.sendDue();
            TestMail.sleep(50);
        }
        assertThat(row(id).get("attempts")).isEqualTo(attempts);
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql(
                        "select status, attempts, last_error, body, next_attempt_at, sent_at from mail_queue where id = ?")
                .param(id)
                .query()
                .singleRow();
    }
}
