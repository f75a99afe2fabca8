package org.broadsheet.platform;

/**
 * This node has (re)connected to the cross-node event bus. Any {@link ClusterEvent} sent while
 * it was not listening is lost to it, so caches that other nodes' changes can make stale
 * should forget everything they hold. A local event only: it never leaves the node.
 */
public record ClusterEventsResumed() {}
