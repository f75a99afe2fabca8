package org.broadsheet.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ContainerErrorValve} in place of Tomcat's {@link ErrorReportValve}, so that what
 * Tomcat refuses before any servlet runs (a path whose bytes are not UTF-8) is answered with the
 * site's own error page, or a problem under {@code /api/}. Spring Boot adds its own
 * {@code ErrorReportValve} to the host from a context customizer, in an order we do not control,
 * so the swap is made when the context starts: by then the host's valves are all in place.
 */
@Component
record ContainerErrors(ObjectProvider<ErrorPages> pages, ObjectProvider<TemplateEngine> templates)
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                replaceReportValve(context);
            }
        }));
    }

    private void replaceReportValve(Context context) {
        Container host = context.getParent();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ContainerErrorValve(this::html));
    }

    /** The site's error page of {@code status}, as bytes of UTF-8. */
    byte[] html(HttpStatus status) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates
                .getObject()
                .render(
                        ErrorPages.VIEW + ".jte",
                        Map.of("page", pages.getObject().page(status)),
                        output);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(output.getContentLength());
        try {
            output.writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
