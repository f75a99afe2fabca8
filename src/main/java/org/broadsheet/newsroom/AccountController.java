package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Staff;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A staff member's own account: who they are, and changing their password. A new password
 * ends every session of theirs, this one included, so they sign in again with it.
 */
@Controller
record AccountController(NewsroomPages pages, AccountService accounts) {

    /** The password form: the current password and the new one, twice. */
    record PasswordChange(String current, String password, String confirm) {

        PasswordChange {
            current = Objects.requireNonNullElse(current, "");
            password = Objects.requireNonNullElse(password, "");
            confirm = Objects.requireNonNullElse(confirm, "");
        }

        /** What a refused form shows again: nothing, as every field is a password. */
        PasswordChange shown() {
            return new PasswordChange("", "", "");
        }
    }

    @GetMapping(NewsroomUrls.ACCOUNT)
    ModelAndView account(Staff staff) {
        return page(staff, StaffForm.empty());
    }

    @PostMapping(NewsroomUrls.ACCOUNT_PASSWORD)
    ModelAndView changePassword(Staff staff, PasswordChange fields, HttpServletRequest request) {
        return pages.submit(
                fields.shown(),
                () -> {
                    accounts.changePassword(
                            staff.id(), fields.current(), StaffForm.confirmed(fields.password(), fields.confirm()));
                    signOut(request);
                    return pages.redirect(NewsroomUrls.SIGN_IN_PASSWORD_SET, null);
                },
                refused -> page(staff, refused));
    }

    private ModelAndView page(Staff staff, StaffForm form) {
        return pages.render(staff, "newsroom/account/account", "Your account", null, Map.of("form", form));
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
