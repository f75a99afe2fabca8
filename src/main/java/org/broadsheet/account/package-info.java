/**
 * Staff accounts, roles, sign-in (with its brute-force throttle), the one-time set-up and
 * password links, the {@code create-admin} command, and the security configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform"})
package org.broadsheet.account;
