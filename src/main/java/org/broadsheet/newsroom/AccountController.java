package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Staff;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A staff member's own account: who they are, and changing their password. A new password
 * ends every session of theirs, this one included, so they sign in again with it.
 */
@Controller
class AccountController {

    private final NewsroomPages pages;
    private final AccountService accounts;

    AccountController(NewsroomPages pages, AccountService accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/account")
    ModelAndView account(Staff staff) {
        return page(staff, StaffForm.empty(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/account/password")
    ModelAndView changePassword(Staff staff, @RequestParam Map<String, String> params, HttpServletRequest request) {
        try {
            StaffForm.requireConfirmed(params);
            accounts.changePassword(
                    staff.id(), params.getOrDefault("current", ""), params.getOrDefault("password", ""));
        } catch (ValidationException e) {
            return page(staff, StaffForm.refused(Map.of(), e), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return pages.redirect("/newsroom/sign-in?password-set", null);
    }

    private ModelAndView page(Staff staff, StaffForm form, HttpStatus status) {
        return pages.render(staff, "newsroom/account/account", "Your account", null, Map.of("form", form), status);
    }
}
