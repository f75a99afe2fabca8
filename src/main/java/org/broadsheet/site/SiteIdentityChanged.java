package org.broadsheet.site;

import org.broadsheet.platform.ClusterEvent;

/** An administrator gave the site a new name or tagline; every node's pages show it from their next request. */
public record SiteIdentityChanged() implements ClusterEvent {}
