package org.broadsheet.ops;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests on the management port are the actuator's: open to whoever can reach that port (by
 * default only this machine, {@code management.server.address=127.0.0.1}), stateless, and never
 * matched by the site's own chains, whose rules are for the public port. The site's port serves
 * no actuator endpoint at all, so {@code /actuator/**} there is the site's 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ManagementSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain managementPort(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(new OnManagementPort(environment))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
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

    /** A request that arrived on the management server's port (known once it has started). */
    record OnManagementPort(Environment environment) implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            if (!request.getRequestURI().startsWith("/actuator")) {
                return false; // the cheap test first: this runs for every request the page cache does not answer
            }
            String port = environment.getProperty("local.management.port");
            return port != null && port.equals(Integer.toString(request.getLocalPort()));
        }
    }
}
