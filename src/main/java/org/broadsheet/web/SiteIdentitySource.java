package org.broadsheet.web;

/** The site's name and tagline in force, which the layout of every page shows; implemented by the site feature. */
public interface SiteIdentitySource {

    SiteIdentity current();
}
