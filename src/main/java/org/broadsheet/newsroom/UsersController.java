package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Role;
import org.broadsheet.account.Staff;
import org.broadsheet.account.StaffAccount;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff users and their roles, for administrators. A new staff member is invited: the page
 * shows a one-time link, once, for the administrator to pass on, and the newcomer chooses
 * their own password there. Nobody ever sees or sets another person's password.
 */
@Controller
class UsersController {

    private static final String ID = "{id:[0-9]{1,18}}";

    private final NewsroomPages pages;
    private final AccountService accounts;
    private final AuthorService authors;

    UsersController(NewsroomPages pages, AccountService accounts, AuthorService authors) {
        this.pages = pages;
        this.accounts = accounts;
        this.authors = authors;
    }

    @GetMapping("/newsroom/users")
    ModelAndView list(Staff staff) {
        staff.require(Permission.MANAGE_USERS);
        return listPage(staff, StaffForm.of(Map.of("role", Role.CONTRIBUTOR.key())), null, null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/users")
    ModelAndView invite(Staff staff, @RequestParam Map<String, String> params, HttpServletRequest request) {
        staff.require(Permission.MANAGE_USERS);
        try {
            AccountService.Invitation invitation = accounts.invite(
                    params.get("email"),
                    params.get("name"),
                    Role.fromKey(params.get("role")),
                    authorId(params.get("author")));
            return listPage(
                    staff,
                    StaffForm.of(Map.of("role", Role.CONTRIBUTOR.key())),
                    linkUrl(request, invitation.token()),
                    params.get("name"),
                    HttpStatus.OK);
        } catch (ValidationException e) {
            return listPage(staff, StaffForm.refused(params, e), null, null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/newsroom/users/" + ID)
    ModelAndView edit(Staff staff, @PathVariable long id) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        return editPage(staff, user, formFor(user), null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/users/" + ID)
    ModelAndView update(Staff staff, @PathVariable long id, @RequestParam Map<String, String> params) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        try {
            accounts.update(
                    staff.id(),
                    id,
                    params.get("email"),
                    params.get("name"),
                    Role.fromKey(params.get("role")),
                    authorId(params.get("author")),
                    params.containsKey("enabled"));
        } catch (ValidationException e) {
            return editPage(staff, user, StaffForm.refused(params, e), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return pages.redirect("/newsroom/users", "Saved " + params.get("name").strip() + ".");
    }

    /** A new one-time password link for someone who forgot theirs; earlier links stop working. */
    @PostMapping("/newsroom/users/" + ID + "/password-link")
    ModelAndView passwordLink(Staff staff, @PathVariable long id, HttpServletRequest request) {
        staff.require(Permission.MANAGE_USERS);
        StaffAccount user = user(id);
        return editPage(staff, user, formFor(user), linkUrl(request, accounts.passwordLink(id)), HttpStatus.OK);
    }

    private StaffAccount user(long id) {
        return accounts.findAccount(id).orElseThrow(() -> new NotFoundException("No staff member " + id));
    }

    private ModelAndView listPage(Staff staff, StaffForm form, String link, String linkFor, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/users/list",
                "Users",
                "users",
                Map.of(
                        "view",
                        new UsersView(
                                accounts.list(), authors.all(), List.of(Role.values()), form, null, link, linkFor)),
                status);
    }

    private ModelAndView editPage(Staff staff, StaffAccount user, StaffForm form, String link, HttpStatus status) {
        return pages.render(
                staff,
                "newsroom/users/edit",
                user.name(),
                "users",
                Map.of(
                        "view",
                        new UsersView(List.of(), authors.all(), List.of(Role.values()), form, user, link, user.name())),
                status);
    }

    private static StaffForm formFor(StaffAccount user) {
        Map<String, String> values = new HashMap<>();
        values.put("name", user.name());
        values.put("email", user.email());
        values.put("role", user.role().key());
        values.put("author", user.authorId() == null ? "" : user.authorId().toString());
        values.put("enabled", user.enabled() ? "on" : "");
        return StaffForm.of(values);
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
        return base + "/newsroom/password/" + token;
    }
}
