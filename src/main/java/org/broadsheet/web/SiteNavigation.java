package org.broadsheet.web;

import java.util.List;

/** The sections in navigation order; implemented by the section feature. */
public interface SiteNavigation {

    List<NavLink> sections();
}
