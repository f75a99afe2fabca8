package org.broadsheet.api;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The API's own routes as Spring maps them (so a new one cannot be left out of a test), in a stable order. */
final class ApiRoutes {

    /** One mapped route: its method and path pattern ({@code /api/v1/articles/{id}}). */
    record Route(RequestMethod method, String pattern) {}

    private ApiRoutes() {}

    static List<Route> of(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals(ApiRoutes.class.getPackageName())) {
                return;
            }
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                    routes.add(new Route(method, pattern));
                }
            }
        });
        routes.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
        return routes;
    }
}
