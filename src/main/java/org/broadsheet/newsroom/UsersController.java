package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Role;
import org.broadsheet.account.Staff;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff users and their roles, for administrators. A new staff member is invited: the
 * one-time link is mailed to them when mail is set up; otherwise the page shows it, once, for
 * the administrator to pass on. The newcomer chooses their own password there. Nobody ever sees or sets another person's password.
 */
@Controller
record UsersController(NewsroomPages pages, AccountService accounts, AuthorService authors) {

    private static final String USER = NewsroomUrls.USERS + "/" + NewsroomUrls.ID;

    /** The form that adds a staff member: {@code role} is a role's key, {@code author} an author's id or empty. */
    record InviteFields(String email, String name, String role, String author) {}

    /** The form that changes a staff member; {@code enabled} is sent when "Can sign in" is ticked. */
    record UserFields(String email, String name, String role, String author, String enabled) {

        static UserFields of(StaffAccount user) {
            return new UserFields(
                    user.email(),
                    user.name(),
                    user.role().key(),
                    user.authorId() == null ? "" : user.authorId().toString(),
                    user.enabled() ? "on" : null);
        }

        boolean canSignIn() {
            return enabled != null;
        }
    }

    @GetMapping(NewsroomUrls.USERS)
    ModelAndView list(Staff staff) {
        staff.require(Permission.MANAGE_USERS);
        return listPage(staff, newcomer(), null, null);
    }

    @PostMapping(NewsroomUrls.USERS)
    ModelAndView invite(Staff staff, InviteFields fields, HttpServletRequest request) {
        staff.require(Permission.MANAGE_USERS);
        return pages.submit(
                fields,
                () -> {
                    AccountService.Invitation invitation = accounts.invite(
                            fields.email(), fields.name(), Role.fromKey(fields.role()), authorId(fields.author()));
                    if (invitation.mailed()) {
                        return pages.redirect(
                                NewsroomUrls.USERS,
                                fields.name().strip() + " was added and sent a one-time link to choose a password.");
                    }
                    return listPage(staff, newcomer(), linkUrl(request, invitation.token()), fields.name());
                },
                refused -> listPage(staff, refused, null, null));
    }

    @GetMapping(USER)
    ModelAndView edit(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        return editPage(staff, user, StaffForm.of(UserFields.of(user)), null);
    }

    @PostMapping(USER)
    ModelAndView update(Staff staff, @PathVariable long id, UserFields fields) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        return pages.submit(
                fields,
                () -> accounts.update(
                        staff.id(),
                        id,
                        fields.email(),
                        fields.name(),
                        Role.fromKey(fields.role()),
                        authorId(fields.author()),
                        fields.canSignIn()),
                NewsroomUrls.USERS,
                "Saved " + fields.name().strip() + ".",
                refused -> editPage(staff, user, refused, null));
    }

    /** A new one-time password link for someone who forgot theirs; earlier links stop working. */
    @PostMapping(USER + NewsroomUrls.PASSWORD_LINK)
    ModelAndView passwordLink(Staff staff, @PathVariable long id, HttpServletRequest request) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        if (accounts.mailsLinks()) {
            accounts.mailPasswordLink(id);
            return pages.redirect(
                    NewsroomUrls.user(id),
                    user.name() + " was sent a new one-time password link; earlier links no longer work.");
        }
        String link = linkUrl(request, accounts.passwordLink(id));
        return editPage(staff, user, StaffForm.of(UserFields.of(user)), link);
    }

    private StaffAccount user(long id) {
        return accounts.findAccount(id).orElseThrow(() -> new NotFoundException("No staff member " + id));
    }

    /** The empty invitation form: a newcomer is a contributor unless chosen otherwise. */
    private static StaffForm newcomer() {
        return StaffForm.of(Map.of("role", Role.CONTRIBUTOR.key()));
    }

    private ModelAndView listPage(Staff staff, StaffForm form, String link, String linkFor) {
        var view = new UsersView(accounts.list(), authors.all(), List.of(Role.values()), form, null, link, linkFor);
        return pages.render(staff, "newsroom/users/list", "Users", "users", view);
    }

    private ModelAndView editPage(Staff staff, StaffAccount user, StaffForm form, String link) {
        var view = new UsersView(List.of(), authors.all(), List.of(Role.values()), form, user, link, user.name());
        return pages.render(staff, "newsroom/users/edit", user.name(), "users", view);
    }

    /** The byline chosen in the form: empty for none; anything but an existing author is refused. */
    private Long authorId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return authors.all().stream()
                .filter(a -> Long.toString(a.id()).equals(value))
                .map(Author::id)
                .findFirst()
                .orElseThrow(() ->
                        new ValidationException(List.of(new ValidationException.Problem("author", "Unknown byline"))));
    }

    private static String linkUrl(HttpServletRequest request, String token) {
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        return base + NewsroomUrls.password(token);
    }
}
