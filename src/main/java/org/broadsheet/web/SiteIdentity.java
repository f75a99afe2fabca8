package org.broadsheet.web;

/**
 * What the site calls itself: the masthead and the line under it (also the front page's
 * description). An administrator may change both while the site runs
 * ({@link SiteIdentitySource}).
 */
public record SiteIdentity(String name, String tagline) {

    public static final int NAME_MAX = 80;
    public static final int TAGLINE_MAX = 200;

    public SiteIdentity {
        name = name == null ? "" : name.strip();
        tagline = tagline == null ? "" : tagline.strip();
    }
}
