package org.broadsheet.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * {@code X-Forwarded-*} believed from {@link ProxySettings#proxies()} only. With proxies set,
 * Tomcat's {@link RemoteIpValve} takes the client's address, the scheme, host and port from those
 * headers when (and only when) the connection comes from one of them: the request is then secure
 * for HTTPS clients, so HSTS is sent and cookies are {@code Secure}. Runs after Spring Boot's own
 * customizer: should {@code server.forward-headers-strategy=native} have added the valve already,
 * its trust (Tomcat's default: every private network) is replaced by the same list, empty meaning
 * nobody.
 */
@Component
record ForwardedHeaders(ProxySettings settings)
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        RemoteIpValve valve = factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .findFirst()
                .orElse(null);
        if (valve == null) {
            if (settings.proxies().isEmpty()) {
                return;
            }
            valve = new RemoteIpValve();
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
        }
        valve.setInternalProxies(settings.networks());
        valve.setTrustedProxies("");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
