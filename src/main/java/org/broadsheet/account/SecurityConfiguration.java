package org.broadsheet.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ForwardAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may do what, and the security headers every response carries. Three filter chains:
 * <ul>
 *   <li>the newsroom ({@code /newsroom/**}): staff sign in with a form; the session lives in
 *   PostgreSQL (Spring Session JDBC), its id changes at sign-in, and its cookie is
 *   {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS and sent only to
 *   {@code /newsroom}. Pages are {@code no-store} and never indexed. What each role may do is
 *   checked by the handlers through {@link Staff#require}.</li>
 *   <li>the JSON API ({@code /api/**}): stateless, and no cookie authenticates there, so no CSRF.</li>
 *   <li>everything else, the reader site: public, and it never reads or makes a session.</li>
 * </ul>
 * Both keep the CSRF token in a cookie rather than a session, so nobody gets a session before
 * signing in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Everything the newsroom's filter chain covers; the reader site's chain takes the rest. */
    private static final String NEWSROOM = NewsroomUrls.HOME + "/**";

    /** The JSON API's filter chain covers these. */
    private static final String API = "/api/**";

    /** Pages anyone may reach in the newsroom: signing in, and the one-time links. */
    static final String[] NEWSROOM_PUBLIC = {
        NewsroomUrls.SIGN_IN, NewsroomUrls.SIGN_IN + "/**", NewsroomUrls.SETUP + "/**", NewsroomUrls.PASSWORD + "/**"
    };

    /** No per-filter observations: they cost every request a measurable share of its CPU. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request the firewall refuses (a {@code ;} or an encoded slash in the path, a header with
     * control characters) never reaches a chain's header writer: its 400 gets the headers here.
     */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> {
            SecurityHeaders.apply(request, response);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }

    @Bean
    WebMvcConfigurer staffArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new StaffArgumentResolver());
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(
            HttpSecurity http,
            StaffRepository staff,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            AccountService accounts,
            ObjectProvider<AuthenticationFailureHandler> refusals)
            throws Exception {
        http.securityMatcher(NEWSROOM)
                .authorizeHttpRequests(auth -> auth.requestMatchers(NEWSROOM_PUBLIC)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationProvider(new StaffAuthentication(staff, encoder, throttle))
                .formLogin(form -> signInForm(form, refusals))
                .logout(SecurityConfiguration::signOut)
                .sessionManagement(SecurityConfiguration::sessionFromSignIn)
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .headers(SecurityConfiguration::newsroomHeaders)
                .addFilterBefore(
                        new SignInInputGuard(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new CurrentStaffFilter(accounts), AuthorizationFilter.class)
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /** The newsroom's handler answers a refused sign-in when present; else a forward to the refusal page. */
    private static void signInForm(
            FormLoginConfigurer<HttpSecurity> form, ObjectProvider<AuthenticationFailureHandler> refusals) {
        form.loginPage(NewsroomUrls.SIGN_IN)
                .loginProcessingUrl(NewsroomUrls.SIGN_IN)
                .usernameParameter("email")
                .passwordParameter("password")
                .defaultSuccessUrl(NewsroomUrls.HOME, false)
                .failureHandler(refusals.getIfAvailable(
                        () -> new ForwardAuthenticationFailureHandler(NewsroomUrls.SIGN_IN_REFUSED)));
    }

    private static void signOut(LogoutConfigurer<HttpSecurity> logout) {
        logout.logoutUrl(NewsroomUrls.SIGN_OUT)
                .logoutSuccessUrl(NewsroomUrls.SIGN_IN_SIGNED_OUT)
                .deleteCookies("SESSION");
    }

    /** The id changes at sign-in, so that one planted in a browser before it is worthless. */
    private static void sessionFromSignIn(SessionManagementConfigurer<HttpSecurity> session) {
        session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                .sessionFixation(fixation -> fixation.changeSessionId());
    }

    private static void newsroomHeaders(HeadersConfigurer<HttpSecurity> headers) {
        common(headers);
        headers.addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow"));
    }

    /**
     * The JSON API ({@code /api/**}): no session and no cookie ever authenticates a request
     * there, so cross-site request forgery has nothing to borrow and CSRF tokens do not apply;
     * the security headers stay. Answers keep their own caching (public reads are cacheable).
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> common(headers).cacheControl(cache -> cache.disable()))
                .csrf(csrf -> csrf.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain readerSite(HttpSecurity http) throws Exception {
        // The actuator answers on the management port only (ops.ManagementSecurity): here it is a 404.
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> common(headers).cacheControl(cache -> cache.disable()))
                // The token lives in a cookie, not a server session, so readers never get one;
                // it is created only for pages that carry a form. The comment form carries none
                // (its page is cached for everyone): its posts are checked for a cross-site origin
                // by the comment package instead.
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .ignoringRequestMatchers("/comments"))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        return headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY))
                // on HTTPS requests only (behind a proxy: when broadsheet.proxies lists it)
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(false).maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS));
    }
}
