package org.broadsheet.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What accounts need with or without a web server (the create-admin command has none). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountSettings.class)
class AccountConfiguration {

    /** bcrypt today; the delegating encoder reads older hashes and lets a future default take over. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
