package org.broadsheet.platform;

/**
 * An application event every node must hear: a change that readers on any node would see
 * (a publish, an approved comment, a renamed section).
 *
 * <p>Publish it with Spring's {@code ApplicationEventPublisher}, inside the transaction that
 * made the change. {@link ClusterEventSender} sends it with PostgreSQL {@code NOTIFY} once
 * that transaction has committed, never if it rolls back; {@link ClusterEventListener} on
 * every other node publishes it there again as a local application event. Listeners therefore run for
 * changes made here and elsewhere alike, so they must be quick and idempotent (forget a cache
 * entry, set a timer) and must not write.
 *
 * <p>Implementations are records of plain values (numbers, strings, booleans, instants) that
 * Jackson can write and read, and small: a notification carries less than 8000 bytes.
 */
public interface ClusterEvent {}
