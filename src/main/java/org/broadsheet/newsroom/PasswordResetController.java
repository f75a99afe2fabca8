package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.account.AccountSettings;
import org.broadsheet.account.PasswordResets;
import org.broadsheet.web.NewsroomUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Forgot your password?" under the sign-in page. Whatever the address, a request that passes
 * the rate limit is answered with a redirect to the same page saying that a link is on its way
 * if the address belongs to a staff account; only a known, enabled account gets a mail. Without
 * mail set up, the page says to ask an administrator. The form carries the CSRF token, as every
 * newsroom form does.
 */
@Controller
record PasswordResetController(NewsroomPages pages, PasswordResets resets, AccountSettings settings) {

    static final String SENT = "If that address belongs to a staff account, a link to choose a new password "
            + "is on its way to it. It works once, within an hour.";

    /** The form: the email of the account. */
    record ForgotFields(String email) {

        ForgotFields {
            email = Objects.requireNonNullElse(email, "");
        }
    }

    @GetMapping(NewsroomUrls.FORGOT)
    ModelAndView form(HttpServletRequest request) {
        return page(StaffForm.empty(), request.getParameter("sent") != null ? SENT : "", HttpStatus.OK);
    }

    @PostMapping(NewsroomUrls.FORGOT)
    ModelAndView request(ForgotFields fields, HttpServletRequest request, HttpServletResponse response) {
        if (!resets.available()) {
            return page(StaffForm.empty(), "", HttpStatus.OK);
        }
        StaffForm typed = StaffForm.of(Map.of("email", fields.email()));
        if (fields.email().isBlank()) {
            return page(
                    typed.withProblem("Enter the email of your staff account."), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (resets.request(fields.email(), request.getRemoteAddr()) == PasswordResets.Answer.TOO_MANY) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(settings.resetWindow().toSeconds()));
            return page(
                    typed.withProblem("Too many requests for a new password from here or for this address. "
                            + "Try again later, or ask an administrator."),
                    "",
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        return pages.redirect(NewsroomUrls.FORGOT_SENT, null);
    }

    private ModelAndView page(StaffForm form, String notice, HttpStatus status) {
        return pages.render(
                null,
                "newsroom/account/forgot",
                "Forgot your password?",
                null,
                Map.of("form", form, "notice", notice, "available", resets.available()),
                status);
    }
}
