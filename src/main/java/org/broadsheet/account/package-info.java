/** Staff accounts, sign-in and the security configuration. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.broadsheet.account;
