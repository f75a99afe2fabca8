package org.broadsheet.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Form records are bound from what the form sends and nothing else. Spring also fills a
 * constructor argument the form left out from a request header of the same name (an unticked
 * checkbox named "enabled" would take an {@code enabled} header): every binder here is told to
 * read no headers.
 */
@ControllerAdvice
class FormBinding {

    @InitBinder
    void formFieldsOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(header -> false);
        }
    }
}
