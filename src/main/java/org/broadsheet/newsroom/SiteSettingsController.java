package org.broadsheet.newsroom;

import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.comment.CommentPolicies;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SiteIdentity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The site's settings, for administrators: its name and tagline (shown on every reader page
 * from the next request) and the comment policy. Both are stored in the database and win over
 * the {@code broadsheet.site.*} and {@code broadsheet.comments.*} properties.
 */
@Controller
record SiteSettingsController(NewsroomPages pages, SiteIdentities identities, CommentPolicies policies) {

    /** The site's name and tagline as typed. */
    record SiteFields(String name, String tagline) {

        static SiteFields of(SiteIdentity site) {
            return new SiteFields(site.name(), site.tagline());
        }

        SiteIdentity identity() {
            return new SiteIdentity(name, tagline);
        }
    }

    @GetMapping(NewsroomUrls.SETTINGS)
    ModelAndView settings(Staff staff) {
        staff.require(Permission.MANAGE_SETTINGS);
        return page(staff, siteForm(), policyForm());
    }

    @PostMapping(NewsroomUrls.SETTINGS_SITE)
    ModelAndView saveSite(Staff staff, SiteFields fields) {
        staff.require(Permission.MANAGE_SETTINGS);
        return pages.submit(
                fields,
                () -> identities.update(fields.identity()),
                NewsroomUrls.SETTINGS,
                "Site title and tagline saved.",
                refused -> page(staff, refused, policyForm()));
    }

    @PostMapping(NewsroomUrls.SETTINGS_COMMENTS)
    ModelAndView savePolicy(Staff staff, CommentPolicyFields fields) {
        staff.require(Permission.MANAGE_SETTINGS);
        return pages.submit(
                fields,
                () -> policies.update(fields.policy()),
                NewsroomUrls.SETTINGS,
                "Comment policy saved.",
                refused -> page(staff, siteForm(), refused));
    }

    private ModelAndView page(Staff staff, StaffForm site, StaffForm policy) {
        return pages.render(
                staff, "newsroom/settings/settings", "Settings", "settings", new SiteSettingsView(site, policy));
    }

    private StaffForm siteForm() {
        return StaffForm.of(SiteFields.of(identities.current()));
    }

    private StaffForm policyForm() {
        return StaffForm.of(CommentPolicyFields.of(policies.current()));
    }
}
