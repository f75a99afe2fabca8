package org.broadsheet.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The request id and timing filter, first in line (before the page cache, so cached pages are
 * timed and carry an id too), the access log's masked lines when the access log is on, and a
 * refusal to start with the actuator on the public port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsConfiguration {

    /** After Spring's character encoding filter, before the page cache ({@code HIGHEST_PRECEDENCE + 1000}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    OpsConfiguration(Environment environment) {
        if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
            throw new IllegalStateException("management.server.port is the site's own port, which would make health"
                    + " details and metrics public: give the actuator a port of its own (the default is 8081,"
                    + " on 127.0.0.1), or -1 to turn it off");
        }
    }

    @Bean
    FilterRegistrationBean<RequestMetrics> requestMetricsFilter(
            ObjectProvider<MeterRegistry> registry, @Value("${broadsheet.metrics.requests:true}") boolean timed) {
        var registration = new FilterRegistrationBean<>(new RequestMetrics(timed ? registry.getIfAvailable() : null));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        registration.setName("requestMetricsFilter");
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "server.tomcat.accesslog.enabled", havingValue = "true")
    FilterRegistrationBean<AccessLogLines> accessLogLinesFilter() {
        var registration = new FilterRegistrationBean<>(new AccessLogLines());
        registration.setOrder(ORDER + 1);
        registration.addUrlPatterns("/*");
        registration.setName("accessLogLinesFilter");
        return registration;
    }
}
