package org.broadsheet.api;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills a handler's {@link TokenHolder} parameter, or refuses the request with 401. */
class TokenHolderResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TokenHolder.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object holder = request.getAttribute(TokenHolder.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (holder == null) {
            throw new ApiException(
                    HttpStatus.UNAUTHORIZED,
                    "This needs an API token: send Authorization: Bearer followed by the token",
                    List.of());
        }
        return holder;
    }
}
