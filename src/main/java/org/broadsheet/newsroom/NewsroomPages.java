package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Staff;
import org.broadsheet.comment.CommentService;
import org.broadsheet.web.Assets;
import org.broadsheet.web.Layouts;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.Redirects;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Renders newsroom pages inside the newsroom frame ({@code newsroom/layout.jte}) and answers
 * finished actions with a redirect that carries a message. Newsroom pages are never stored by
 * caches ({@code no-store}) and never indexed.
 */
@Component
public class NewsroomPages {

    static final String FLASH = "flash";

    private final Layouts layouts;
    private final CommentService comments;
    private final SiteUrls urls;
    private final Assets assets;

    NewsroomPages(Layouts layouts, CommentService comments, SiteUrls urls, Assets assets) {
        this.assets = assets;
        this.layouts = layouts;
        this.comments = comments;
        this.urls = urls;
    }

    /** A page for a signed-in staff member whose template takes {@code frame} and {@code view}. */
    public ModelAndView render(Staff staff, String template, String title, String nav, Object view) {
        return render(staff, template, title, nav, Map.of("view", view), HttpStatus.OK);
    }

    /**
     * Answers a posted form: runs {@code action}, which returns the answer (usually a
     * {@link #redirect}); if the rules refuse the form (a {@link ValidationException}), the form's
     * page again instead, made by {@code again} from what was typed with each error beside its
     * field, with status 422. Nothing was changed then.
     */
    public ModelAndView submit(Record typed, Supplier<ModelAndView> action, Function<StaffForm, ModelAndView> again) {
        try {
            return action.get();
        } catch (ValidationException refusal) {
            ModelAndView page = again.apply(StaffForm.refused(typed, refusal));
            page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return page;
        }
    }

    /**
     * Answers a posted form whose action answers nothing of its own: runs {@code action}, then
     * 303s to {@code url} where the frame shows {@code done}; refused as {@link #submit}.
     */
    public ModelAndView submit(
            Record typed, Runnable action, String url, @Nullable String done, Function<StaffForm, ModelAndView> again) {
        return submit(
                typed,
                () -> {
                    action.run();
                    return redirect(url, done);
                },
                again);
    }

    /**
     * Answers an action on something already there (unpublish it, move it): runs {@code change}
     * and 303s to {@code url} saying {@code done}, or, if the rules refuse it, saying why.
     */
    public ModelAndView change(Runnable change, String url, String done) {
        try {
            change.run();
        } catch (ValidationException refusal) {
            return redirect(url, refusal.problems().get(0).message() + ".");
        }
        return redirect(url, done);
    }

    /** A page for a signed-in staff member; its template takes {@code frame} and the model's entries. */
    public ModelAndView render(Staff staff, String template, String title, String nav, Map<String, ?> model) {
        return render(staff, template, title, nav, model, HttpStatus.OK);
    }

    public ModelAndView render(
            Staff staff, String template, String title, String nav, Map<String, ?> model, HttpStatus status) {
        HttpServletRequest request = request();
        Map<String, Object> all = new HashMap<>(model);
        all.put("frame", frame(staff, title, nav, request));
        ModelAndView view = new ModelAndView(template, all);
        view.setStatus(status);
        noStore();
        return view;
    }

    /** A finished action: 303 to {@code url}, where the frame shows {@code message} once. */
    public ModelAndView redirect(String url, String message) {
        if (message != null) {
            RequestContextUtils.getOutputFlashMap(request()).put(FLASH, message);
        }
        return Redirects.seeOther(url);
    }

    NewsroomFrame frame(Staff staff, String title, String nav, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Object flash = RequestContextUtils.getInputFlashMap(request) == null
                ? null
                : RequestContextUtils.getInputFlashMap(request).get(FLASH);
        long pending = staff != null && staff.can(Permission.MODERATE_COMMENTS) ? comments.pendingCount() : 0;
        return new NewsroomFrame(
                layouts.settings().name(),
                urls.home(),
                title,
                nav,
                staff,
                menu(staff),
                pending,
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-XSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(),
                flash instanceof String s ? s : null,
                assets);
    }

    /** The menu items this person may use. */
    static List<NewsroomFrame.NavItem> menu(Staff staff) {
        List<NewsroomFrame.NavItem> menu = new ArrayList<>();
        if (staff == null) {
            return menu;
        }
        menu.add(new NewsroomFrame.NavItem("dashboard", "Dashboard", NewsroomUrls.HOME));
        menu.add(new NewsroomFrame.NavItem("articles", "Articles", NewsroomUrls.ARTICLES));
        menu.add(new NewsroomFrame.NavItem("media", "Media", NewsroomUrls.MEDIA));
        if (staff.can(Permission.MODERATE_COMMENTS)) {
            menu.add(new NewsroomFrame.NavItem("comments", "Comments", NewsroomUrls.COMMENTS));
        }
        if (staff.can(Permission.MANAGE_TAXONOMY)) {
            for (TermScreen screen : TermScreen.values()) {
                String plural = screen.taxonomy().plural();
                menu.add(new NewsroomFrame.NavItem(plural, screen.title(), NewsroomUrls.terms(plural)));
            }
        }
        if (staff.can(Permission.MANAGE_USERS)) {
            menu.add(new NewsroomFrame.NavItem("users", "Users", NewsroomUrls.USERS));
        }
        if (staff.can(Permission.MANAGE_SETTINGS)) {
            menu.add(new NewsroomFrame.NavItem("settings", "Settings", NewsroomUrls.SETTINGS));
        }
        return menu;
    }

    private static void noStore() {
        HttpServletResponse response =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        if (response != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
