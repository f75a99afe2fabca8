package org.broadsheet.newsroom;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * The newsroom's form records are bound from what the form sends and nothing else. Spring also
 * fills a constructor argument the form left out from a request header of the same name (an
 * unticked checkbox named "enabled" would take an {@code enabled} header): every binder of a
 * newsroom handler is told to read no headers. (Reader pages bind no form records, and their
 * binders, one per path variable, are spared the call.)
 */
@ControllerAdvice(basePackageClasses = FormBinding.class)
class FormBinding {

    @InitBinder
    void formFieldsOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(header -> false);
        }
    }
}
