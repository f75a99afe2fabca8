package org.broadsheet.render;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenderConfiguration {

    /** Replaces the starter's resolver (it backs off): views render to bytes, see {@link JteUtf8View}. */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteUtf8ViewResolver(engine, properties);
    }
}
