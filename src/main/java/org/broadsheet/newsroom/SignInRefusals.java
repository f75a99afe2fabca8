package org.broadsheet.newsroom;

import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Answers a refused sign-in with the sign-in page itself (401, or 429 while throttled), the
 * email kept, rather than a redirect that would need a session to remember why.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInRefusals implements AuthenticationFailureHandler {

    private final SignInController controller;
    private final JteViewResolver views;

    SignInRefusals(SignInController controller, JteViewResolver views) {
        this.controller = controller;
        this.views = views;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
        ModelAndView page = controller.refused(request, response);
        response.setStatus(page.getStatus().value());
        try {
            View view = views.resolveViewName(page.getViewName(), Locale.ENGLISH);
            view.render(page.getModel(), request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
