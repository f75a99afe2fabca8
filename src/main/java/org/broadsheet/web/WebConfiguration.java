package org.broadsheet.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    SiteSettings.class,
    HttpCacheSettings.class,
    ProxySettings.class,
    RequestBodySettings.class
})
class WebConfiguration {}
