package org.broadsheet.newsroom;

import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Staff;
import org.broadsheet.web.Dates;
import org.broadsheet.web.NewsroomUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * A staff member's own API tokens, in their account area: make one (shown once, on the page
 * that answers the form, which is never stored by a cache), see when each was last used, and
 * revoke one. Every role may have tokens: a token can do no more than its owner.
 */
@Controller
record ApiTokensController(NewsroomPages pages, ApiTokens tokens, Dates dates) {

    /** The new-token form. */
    record NewToken(@Nullable String name) {}

    @GetMapping(NewsroomUrls.ACCOUNT_TOKENS)
    ModelAndView list(Staff staff) {
        return page(staff, StaffForm.empty(), null);
    }

    @PostMapping(NewsroomUrls.ACCOUNT_TOKENS)
    ModelAndView create(Staff staff, NewToken fields) {
        return pages.submit(
                fields,
                () -> page(staff, StaffForm.empty(), tokens.create(staff, fields.name())),
                refused -> page(staff, refused, null));
    }

    @PostMapping(NewsroomUrls.ACCOUNT_TOKENS + "/{id}/revoke")
    ModelAndView revoke(Staff staff, @PathVariable long id) {
        tokens.revoke(staff.id(), id);
        return pages.redirect(NewsroomUrls.ACCOUNT_TOKENS, "The token was revoked; it no longer works.");
    }

    private ModelAndView page(Staff staff, StaffForm form, @Nullable String created) {
        var listed = tokens.list(staff.id()).stream()
                .map(t -> new ApiTokensView.Token(
                        t.id(),
                        t.name(),
                        dates.of(t.createdAt()),
                        t.lastUsedAt() == null ? null : dates.of(t.lastUsedAt())))
                .toList();
        return pages.render(
                staff, "newsroom/account/tokens", "API tokens", null, new ApiTokensView(listed, form, created));
    }
}
