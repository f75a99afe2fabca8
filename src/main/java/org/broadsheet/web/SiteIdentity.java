package org.broadsheet.web;

/**
 * What the site calls itself: the masthead and the line under it (also the front page's
 * description). An administrator may change both while the site runs; see
 * {@link SiteIdentities}.
 */
public record SiteIdentity(String name, String tagline) {

    public static final int NAME_MAX = 80;
    public static final int TAGLINE_MAX = 200;

    public SiteIdentity {
        name = name == null ? "" : name.strip();
        tagline = tagline == null ? "" : tagline.strip();
    }

    void validate() {
        new Problems()
                .requireText(name, "name", "Site title", NAME_MAX)
                .requireText(tagline, "tagline", "Tagline", TAGLINE_MAX)
                .require(
                        name.codePoints().noneMatch(Character::isISOControl),
                        "name",
                        "Site title must be one line of text")
                .require(
                        tagline.codePoints().noneMatch(Character::isISOControl),
                        "tagline",
                        "Tagline must be one line of text")
                .throwIfAny();
    }
}
