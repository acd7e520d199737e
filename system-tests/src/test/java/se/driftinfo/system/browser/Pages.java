package se.driftinfo.system.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What browser tests do to a page besides Playwright's own actions: screenshots, axe, signing in. */
public final class Pages {

    /** axe impacts that fail a test; "moderate" and "minor" findings are printed only. */
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private Pages() {}

    /** The screenshots' folder: {@code -Ddriftinfo.screenshots}, else {@code target/screenshots}. */
    public static Path screenshotDir() {
        return Path.of(System.getProperty("driftinfo.screenshots", "target/screenshots"));
    }

    /**
     * Saves the whole page (not only the viewport) as {@code <screenshots>/<TestClass>/<name>.png}, to
     * look at after the run, and returns the file.
     */
    public static Path screenshot(Page page, String name) {
        ExtensionContext test = Browser.CURRENT.get();
        Path dir = test == null
                ? screenshotDir()
                : screenshotDir().resolve(test.getRequiredTestClass().getSimpleName());
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Runs axe-core on the page as it is now and fails on any violation of impact serious or critical,
     * naming each rule, its help and the elements it found; less severe findings are printed.
     */
    public static AxeResults assertAccessible(Page page) {
        return assertAccessible(page, Map.of());
    }

    /**
     * As {@link #assertAccessible(Page)}, but tolerates the serious or critical violations of the given
     * axe rule ids (rule id to why it is tolerated, e.g. the issue that tracks it): they are printed as
     * KNOWN instead of failing. For pages someone else is fixing; every use is a debt to pay back.
     */
    public static AxeResults assertAccessible(Page page, Map<String, String> knownViolations) {
        AxeResults results = new AxeBuilder(page).analyze();
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> failing = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            boolean serious = FAILING_IMPACTS.contains(rule.getImpact());
            if (serious && knownViolations.containsKey(rule.getId())) {
                System.out.printf(
                        "[axe] KNOWN %s on %s (tolerated: %s)%n%s",
                        rule.getId(), page.url(), knownViolations.get(rule.getId()), describe(rule));
            } else if (serious) {
                failing.add(rule);
            } else {
                System.out.printf("[axe] %s on %s (not failing)%n%s", rule.getId(), page.url(), describe(rule));
            }
        }
        for (String known : knownViolations.keySet()) {
            if (results.getViolations().stream().noneMatch(r -> r.getId().equals(known))) {
                System.out.printf(
                        "[axe] %s no longer found on %s: take it out of the test's known violations%n",
                        known, page.url());
            }
        }
        if (!failing.isEmpty()) {
            throw new AssertionError(String.format(
                    "axe found %d serious or critical accessibility problem(s) on %s (%s):%n%s",
                    failing.size(),
                    page.url(),
                    page.title(),
                    failing.stream().map(Pages::describe).collect(Collectors.joining())));
        }
        return results;
    }

    private static String describe(Rule rule) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                "- %s (%s): %s%n  %s%n", rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl()));
        for (CheckedNode node : rule.getNodes()) {
            s.append(String.format("  at %s: %s%n", node.getTarget(), oneLine(node.getFailureSummary())));
            s.append(String.format("     %s%n", oneLine(node.getHtml())));
        }
        return s.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /**
     * Signs in through a login form such as Keycloak's: fills {@code #username} and {@code #password},
     * clicks the form's submit button and waits until the browser has left the login page. Where it
     * lands (the page asked for, or the login page again with an error) is for the test to check.
     */
    public static void signIn(Page page, String user, String password) {
        String loginPage = page.url();
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login, form [type=submit]").first().click();
        page.waitForURL(url -> !url.equals(loginPage));
        page.waitForLoadState();
    }

    /**
     * Reloads the page until {@code condition} holds: for what arrives through Kafka (the catalog, a
     * window) and so shows up on a page a little after the system starts.
     */
    public static void reloadUntil(Page page, String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (PlaywrightException e) {
                // not there yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeoutMillis + " ms waiting for " + what + " on " + page.url()
                                + "; the page shows:\n" + page.locator("body").innerText());
            }
            page.waitForTimeout(500);
            page.reload();
        }
    }
}
