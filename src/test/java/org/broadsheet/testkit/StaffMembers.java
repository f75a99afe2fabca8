package org.broadsheet.testkit;

import static org.broadsheet.web.TestCsrf.csrf;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.Staff;
import org.broadsheet.web.NewsroomUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff for newsroom tests: real accounts with random passwords, signed in through the real
 * sign-in form, so every request carries a real session cookie (kept in PostgreSQL). A test
 * gets its own instance ({@code @Autowired StaffMembers staff}), so the members it makes are
 * its own.
 * <pre>
 * site.get("/newsroom/comments", staff.as(Role.EDITOR));
 * mvc.perform(post("/newsroom/comments/1/approve").with(staff.as(Role.EDITOR)).with(csrf()));
 * </pre>
 * Each sign-in comes from its own made-up address, so tests that fail sign-ins on purpose
 * never lock out the others.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class StaffMembers {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A staff member made for a test, with the password only the test knows. */
    public record Member(Staff staff, String email, String password) {}

    private final ObjectProvider<MockMvc> mvc;
    private final AccountService accounts;
    private final Map<Role, RequestPostProcessor> signedIn = new EnumMap<>(Role.class);
    private final Map<Role, Member> members = new EnumMap<>(Role.class);

    StaffMembers(ObjectProvider<MockMvc> mvc, AccountService accounts) {
        this.mvc = mvc;
        this.accounts = accounts;
    }

    /** A new staff member of this role (unique email, random password). */
    public Member create(Role role) {
        return create(role, null);
    }

    public Member create(Role role, Long authorId) {
        String email = role.key() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@staff.example";
        String password = accounts.randomPassword();
        long id = accounts.create(
                email,
                "Test " + role.label() + " " + email.substring(email.indexOf('-') + 1, email.indexOf('@')),
                role,
                authorId,
                password);
        return new Member(accounts.findStaff(id).orElseThrow(), email, password);
    }

    /** One member per role for this fixture, signed in once; their session cookie on each request. */
    public RequestPostProcessor as(Role role) {
        return signedIn.computeIfAbsent(role, r -> signIn(member(r)));
    }

    /** The member {@link #as(Role)} signs in as. */
    public Member member(Role role) {
        return members.computeIfAbsent(role, this::create);
    }

    /** Signs in through the form; the returned processor adds the session cookie to a request. */
    public RequestPostProcessor signIn(Member member) {
        Cookie session = sessionCookie(member.email(), member.password());
        return request -> {
            org.broadsheet.web.TestCsrf.addCookie(request, session);
            return request;
        };
    }

    /**
     * Signs a browser in through the real form: {@code page} shows the sign-in page; returns
     * once the dashboard is showing.
     */
    public static WebDriver signInWithBrowser(WebDriver page, URI site, Member member) {
        page.findElement(By.id("email")).sendKeys(member.email());
        page.findElement(By.id("password")).sendKeys(member.password());
        page.findElement(By.cssSelector("form[action='" + NewsroomUrls.SIGN_IN + "'] button[type=submit]"))
                .click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlToBe(
                        site.resolve(NewsroomUrls.HOME).toString()));
        return page;
    }

    /** A unique made-up client address, so throttling in one test never touches another. */
    public static RequestPostProcessor fromNewAddress() {
        String address = "10.77." + (ADDRESSES.get() / 250) % 250 + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The sign-in form as a browser posts it, with a valid CSRF token, from a {@link #fromNewAddress new address}. */
    public static MockHttpServletRequestBuilder signInForm(String email, String password) {
        return Site.form(NewsroomUrls.SIGN_IN, "email=" + email, "password=" + password)
                .with(csrf())
                .with(fromNewAddress());
    }

    private Cookie sessionCookie(String email, String password) {
        try {
            MvcResult result =
                    mvc.getObject().perform(signInForm(email, password)).andReturn();
            Cookie cookie = result.getResponse().getCookie("SESSION");
            if (cookie == null) {
                throw new IllegalStateException(
                        "Sign-in gave no session: " + result.getResponse().getStatus() + " "
                                + result.getResponse().getRedirectedUrl());
            }
            return cookie;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
