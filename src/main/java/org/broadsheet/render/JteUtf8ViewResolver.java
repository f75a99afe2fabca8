package org.broadsheet.render;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/** The jte view resolver, with views that write bytes ({@link JteUtf8View}). */
class JteUtf8ViewResolver extends JteViewResolver {

    private final TemplateEngine engine;

    JteUtf8ViewResolver(TemplateEngine engine, JteProperties properties) {
        super(engine, properties);
        this.engine = engine;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new JteUtf8View(engine);
    }
}
