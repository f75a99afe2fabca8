package org.broadsheet.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in defences.
 *
 * @param failuresPerAccount failed sign-ins for one email, within {@code failureWindow}, after which it is refused
 * @param failuresPerIp      failed sign-ins from one IP address, within {@code failureWindow}, after which it is refused
 * @param failureWindow      how far back failures count; a refusal lifts once enough of them are older than this
 * @param resetsPerAccount   "Forgot your password?" requests for one email, within {@code resetWindow}, after which more are refused
 * @param resetsPerIp        such requests from one IP address, within {@code resetWindow}, after which more are refused
 * @param resetWindow        how far back those requests count
 */
@ConfigurationProperties("broadsheet.accounts")
public record AccountSettings(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerIp,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("3") int resetsPerAccount,
        @DefaultValue("10") int resetsPerIp,
        @DefaultValue("1h") Duration resetWindow) {}
