/**
 * Staff mail: the queue table that a caller's transaction writes to ({@link MailQueue}), and the
 * delivery that claims due rows with {@code FOR UPDATE SKIP LOCKED}, hands them to the SMTP
 * server through Spring Boot's mail support, retries with exponential backoff, and records the
 * outcome. Without {@code spring.mail.host} there is no mail: {@link MailQueue#enabled()} says
 * so and callers show their links on screen instead. What a mail says is written by the
 * package that sends it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform"})
@org.jspecify.annotations.NullMarked
package org.broadsheet.mail;
