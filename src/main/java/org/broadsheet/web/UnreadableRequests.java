package org.broadsheet.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests whose body cannot be read get the site's error page with a 4xx: a multipart body
 * without its boundary, or cut short, is a 400 (Spring would let it through as a 500), one over
 * the upload limit a 413; so is a parameter Spring Security's firewall refuses when a handler
 * reads it (a name or value with NUL or another control character), which it checks only then.
 * Found by {@code HostileFormTests} and {@code HostileApiTests}.
 */
@ControllerAdvice
record UnreadableRequests(ErrorPages errorPages) {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return errorPages.render(HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler({MultipartException.class, RequestRejectedException.class})
    ModelAndView unreadable(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return errorPages.render(HttpStatus.BAD_REQUEST);
    }
}
