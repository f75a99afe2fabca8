package org.broadsheet.api;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who a token acts as, and with which role: a client's first check that its token works. */
@RestController
@SecurityRequirement(name = ApiConfiguration.BEARER)
class MeApi {

    /** The token's holder as they are now (never their email); 401 without a token. */
    @GetMapping(ApiPaths.ME)
    ResponseEntity<ApiJson.Me> me(TokenHolder holder) {
        var staff = holder.staff();
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .body(new ApiJson.Me(staff.id(), staff.name(), staff.role().key()));
    }
}
