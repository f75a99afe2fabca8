package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.SignInLockedException;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages a staff member sees before signing in: the sign-in form (its POST is handled by
 * Spring Security; refusals come back here), the one-time set-up link that creates the first
 * administrator, and the one-time link that sets a password.
 */
@Controller
record SignInController(NewsroomPages pages, AccountService accounts, Clock clock) {

    private static final String SETUP_LINK = NewsroomUrls.SETUP + "/{token}";
    private static final String PASSWORD_LINK = NewsroomUrls.PASSWORD + "/{token}";

    /** The set-up form: the first administrator's name and email, and their password twice. */
    record SetupFields(String name, String email, String password, String confirm) {

        SetupFields {
            name = Objects.requireNonNullElse(name, "");
            email = Objects.requireNonNullElse(email, "");
            password = Objects.requireNonNullElse(password, "");
            confirm = Objects.requireNonNullElse(confirm, "");
        }

        /** What a refused form shows again: the name and email, never a password. */
        SetupFields shown() {
            return new SetupFields(name, email, "", "");
        }
    }

    /** The password link's form: the new password, twice. */
    record PasswordFields(String password, String confirm) {

        PasswordFields {
            password = Objects.requireNonNullElse(password, "");
            confirm = Objects.requireNonNullElse(confirm, "");
        }

        /** What a refused form shows again: nothing, as both fields are passwords. */
        PasswordFields shown() {
            return new PasswordFields("", "");
        }
    }

    @GetMapping(NewsroomUrls.SIGN_IN)
    ModelAndView signIn(HttpServletRequest request) {
        if (signedIn()) {
            return pages.redirect(NewsroomUrls.HOME, null);
        }
        String notice = request.getParameter("signed-out") != null
                ? "You have signed out."
                : request.getParameter("ended") != null
                        ? "Your session has ended. Please sign in again."
                        : request.getParameter("password-set") != null
                                ? "Your password is set. Sign in with it now."
                                : null;
        return page(StaffForm.empty(), notice, HttpStatus.OK);
    }

    /** Where a refused sign-in is forwarded: the form again, with the email kept and why. */
    @RequestMapping(NewsroomUrls.SIGN_IN_REFUSED)
    ModelAndView refused(HttpServletRequest request, HttpServletResponse response) {
        Object refusal = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String email = request.getParameter("email");
        StaffForm form = StaffForm.of(Map.of("email", email == null ? "" : email));
        if (refusal instanceof SignInLockedException locked) {
            long minutes = Math.max(
                    1, (Duration.between(clock.instant(), locked.until()).toSeconds() + 59) / 60);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(minutes * 60));
            return page(
                    form.withProblem("Too many failed sign-ins. Signing in is paused for this account or "
                            + "network; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")),
                    null,
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        if (refusal == null) {
            return page(form, null, HttpStatus.OK);
        }
        return page(
                form.withProblem("That email and password do not match a staff account."),
                null,
                HttpStatus.UNAUTHORIZED);
    }

    @GetMapping(SETUP_LINK)
    ModelAndView setup(@PathVariable String token) {
        requireLink(token, "setup");
        return setupPage(token, StaffForm.empty());
    }

    @PostMapping(SETUP_LINK)
    ModelAndView createAdministrator(@PathVariable String token, SetupFields fields) {
        requireLink(token, "setup");
        return pages.submit(
                fields.shown(),
                () -> accounts.createFirstAdministrator(
                        token, fields.email(), fields.name(), StaffForm.confirmed(fields.password(), fields.confirm())),
                NewsroomUrls.SIGN_IN_PASSWORD_SET,
                null,
                refused -> setupPage(token, refused));
    }

    @GetMapping(PASSWORD_LINK)
    ModelAndView password(@PathVariable String token) {
        requireLink(token, "password");
        return passwordPage(token, StaffForm.empty());
    }

    @PostMapping(PASSWORD_LINK)
    ModelAndView setPassword(@PathVariable String token, PasswordFields fields) {
        requireLink(token, "password");
        return pages.submit(
                fields.shown(),
                () -> accounts.setPasswordWithLink(token, StaffForm.confirmed(fields.password(), fields.confirm())),
                NewsroomUrls.SIGN_IN_PASSWORD_SET,
                null,
                refused -> passwordPage(token, refused));
    }

    private void requireLink(String token, String purpose) {
        if (!accounts.linkPurpose(token).filter(purpose::equals).isPresent()) {
            throw new NotFoundException("This link has expired or has already been used");
        }
    }

    private ModelAndView page(StaffForm form, String notice, HttpStatus status) {
        return pages.render(
                null,
                "newsroom/account/sign-in",
                "Sign in",
                null,
                Map.of("form", form, "notice", notice == null ? "" : notice),
                status);
    }

    private ModelAndView setupPage(String token, StaffForm form) {
        return pages.render(
                null,
                "newsroom/account/setup",
                "Create the administrator",
                null,
                Map.of("form", form, "action", NewsroomUrls.setup(token), "first", true));
    }

    private ModelAndView passwordPage(String token, StaffForm form) {
        return pages.render(
                null,
                "newsroom/account/setup",
                "Choose your password",
                null,
                Map.of("form", form, "action", NewsroomUrls.password(token), "first", false));
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
