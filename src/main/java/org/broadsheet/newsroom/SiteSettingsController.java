package org.broadsheet.newsroom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.comment.CommentPolicies;
import org.broadsheet.comment.CommentPolicy;
import org.broadsheet.comment.Moderation;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.web.SiteIdentity;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The site's settings, for administrators: its name and tagline (shown on every reader page
 * from the next request) and the comment policy. Both are stored in the database and win over
 * the {@code broadsheet.site.*} and {@code broadsheet.comments.*} properties.
 */
@Controller
class SiteSettingsController {

    private static final List<String> NUMBERS = List.of(
            "maxLinks",
            "minFormTime",
            "floodInterval",
            "floodPerHour",
            "closeAfterDays",
            "maxDepth",
            "perPage",
            "retainIpDays");

    private final NewsroomPages pages;
    private final SiteIdentities identities;
    private final CommentPolicies policies;

    SiteSettingsController(NewsroomPages pages, SiteIdentities identities, CommentPolicies policies) {
        this.pages = pages;
        this.identities = identities;
        this.policies = policies;
    }

    @GetMapping("/newsroom/settings")
    ModelAndView settings(Staff staff) {
        staff.require(Permission.MANAGE_SETTINGS);
        return page(staff, siteForm(), policyForm(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/settings/site")
    ModelAndView saveSite(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_SETTINGS);
        try {
            identities.update(new SiteIdentity(params.get("name"), params.get("tagline")));
        } catch (ValidationException e) {
            return page(staff, StaffForm.refused(params, e), policyForm(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect("/newsroom/settings", "Site title and tagline saved.");
    }

    @PostMapping("/newsroom/settings/comments")
    ModelAndView savePolicy(Staff staff, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_SETTINGS);
        List<ValidationException.Problem> problems = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (String field : NUMBERS) {
            numbers.put(field, number(params.get(field), field, problems));
        }
        try {
            policies.update(new CommentPolicy(
                    Moderation.fromKey(params.getOrDefault("moderation", "")).orElse(null),
                    numbers.get("maxLinks"),
                    lines(params.get("moderationWords")),
                    lines(params.get("blocklist")),
                    Duration.ofSeconds(numbers.get("minFormTime")),
                    Duration.ofSeconds(numbers.get("floodInterval")),
                    numbers.get("floodPerHour"),
                    numbers.get("closeAfterDays"),
                    numbers.get("maxDepth"),
                    numbers.get("perPage"),
                    numbers.get("retainIpDays")));
        } catch (ValidationException e) {
            problems.addAll(e.problems()); // a field that was not a number is also out of range: its first message wins
            return page(staff, siteForm(), StaffForm.refused(params, problems), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect("/newsroom/settings", "Comment policy saved.");
    }

    private ModelAndView page(Staff staff, StaffForm site, StaffForm policy, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/settings/settings",
                "Settings",
                "settings",
                Map.of("view", new SiteSettingsView(site, policy)),
                status);
    }

    private StaffForm siteForm() {
        SiteIdentity site = identities.current();
        return StaffForm.of(Map.of("name", site.name(), "tagline", site.tagline()));
    }

    private StaffForm policyForm() {
        CommentPolicy p = policies.current();
        Map<String, String> values = new HashMap<>();
        values.put("moderation", p.moderation().key());
        values.put("maxLinks", Integer.toString(p.maxLinks()));
        values.put("moderationWords", String.join("\n", p.moderationWords()));
        values.put("blocklist", String.join("\n", p.blocklist()));
        values.put("minFormTime", Long.toString(p.minFormTime().toSeconds()));
        values.put("floodInterval", Long.toString(p.floodInterval().toSeconds()));
        values.put("floodPerHour", Integer.toString(p.floodPerHour()));
        values.put("closeAfterDays", Integer.toString(p.closeAfterDays()));
        values.put("maxDepth", Integer.toString(p.maxDepth()));
        values.put("perPage", Integer.toString(p.perPage()));
        values.put("retainIpDays", Integer.toString(p.retainIpDays()));
        return StaffForm.of(values);
    }

    /** A whole number as typed; anything else is a problem, and -1 (out of every range) stands in for it. */
    private static int number(String value, String field, List<ValidationException.Problem> problems) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            problems.add(new ValidationException.Problem(field, "Enter a whole number"));
            return -1;
        }
    }

    /** One entry per line. */
    private static List<String> lines(String value) {
        return value == null ? List.of() : Arrays.asList(value.split("\\R"));
    }
}
