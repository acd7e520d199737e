package se.driftinfo.system.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Headless Chromium for the browser tests ({@link BrowserTest}): one browser per test JVM, and for each
 * test a fresh context (no cookies, storage or cache from another test) whose {@link Page} the test
 * takes as a parameter.
 *
 * <p>It is the machine's own Chromium (Debian's {@code chromium}), never one Playwright downloads:
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}, and the executable is {@code -Ddriftinfo.chromium}, else
 * {@code /usr/bin/chromium}, else {@code chromium} on the PATH. {@code .ci/run} installs it.
 *
 * <p>A failed test leaves a screenshot of where it stopped ({@code FAILED-<test>.png}, see {@link
 * Pages#screenshot}). Each class prints how long its browser tests took, and the suite's total so far.
 */
public final class Browser
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Chromium's flags: headless, as root in a container, and quiet (nothing fetched from the network). */
    static final List<String> CHROMIUM_ARGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;
    private static RuntimeException failedLaunch;
    private static double launchSeconds;
    private static int suiteTests;
    private static long suiteNanos;

    /** The test running on this thread, for file names; set around each test. */
    static final ThreadLocal<ExtensionContext> CURRENT = new ThreadLocal<>();

    /** The one Chromium of this JVM, launched on first use and closed when the run ends. */
    static synchronized com.microsoft.playwright.Browser chromium() {
        if (failedLaunch != null) {
            throw new IllegalStateException("Chromium did not start (see the first failure)", failedLaunch);
        }
        if (chromium == null) {
            try {
                long t0 = System.nanoTime();
                Path executable = executable();
                Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
                chromium = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(executable)
                                .setHeadless(true)
                                .setArgs(CHROMIUM_ARGS)
                                .setEnv(env));
                launchSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("[browser] %s %s started in %.1f s%n", executable, chromium.version(), launchSeconds);
            } catch (RuntimeException e) {
                failedLaunch = e;
                closeChromium();
                throw e;
            }
        }
        return chromium;
    }

    /** Where the system's Chromium is; fails with what to install when there is none. */
    static Path executable() {
        String configured = System.getProperty("driftinfo.chromium", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        Optional<Path> onPath = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> List.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")).stream())
                .filter(Files::isExecutable)
                .findFirst();
        return onPath.orElseThrow(() -> new IllegalStateException("The browser tests need the system's Chromium:"
                + " none at /usr/bin/chromium or on the PATH. Install it (Debian: apt-get install chromium; .ci/run"
                + " does) or name it with -Ddriftinfo.chromium=/path/to/chromium."));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium();
        // The root context's store is closed when the whole run ends: close Chromium then.
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("chromium", k -> (AutoCloseable) Browser::closeChromium, AutoCloseable.class);
        context.getStore(NAMESPACE).put("classStart", System.nanoTime());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CURRENT.set(context);
        BrowserContext browserContext = chromium()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setLocale("sv-SE")
                        .setTimezoneId("Europe/Stockholm")
                        .setViewportSize(1280, 900));
        browserContext.setDefaultTimeout(15_000);
        context.getStore(NAMESPACE).put("context", browserContext);
        context.getStore(NAMESPACE).put("testStart", System.nanoTime());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            BrowserContext browserContext = context.getStore(NAMESPACE).remove("context", BrowserContext.class);
            if (browserContext == null) {
                return;
            }
            if (context.getExecutionException().isPresent()) {
                for (Page page : browserContext.pages()) {
                    try {
                        Pages.screenshot(
                                page,
                                "FAILED-" + context.getRequiredTestMethod().getName());
                    } catch (RuntimeException e) {
                        System.out.println("[browser] no screenshot of the failure: " + e.getMessage());
                    }
                }
            }
            browserContext.close();
            Long start = context.getStore(NAMESPACE).remove("testStart", Long.class);
            if (start != null) {
                synchronized (Browser.class) {
                    suiteTests++;
                    suiteNanos += System.nanoTime() - start;
                }
            }
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Long start = context.getStore(NAMESPACE).remove("classStart", Long.class);
        if (start != null) {
            synchronized (Browser.class) {
                System.out.printf(
                        "[browser] %s took %.1f s; browser suite so far: %d tests in %.1f s"
                                + " (Chromium started once, in %.1f s)%n",
                        context.getRequiredTestClass().getSimpleName(),
                        (System.nanoTime() - start) / 1e9,
                        suiteTests,
                        suiteNanos / 1e9,
                        launchSeconds);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    /** A {@link Page} (a new tab in the test's context) or the test's {@link BrowserContext} itself. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).get("context", BrowserContext.class);
        if (browserContext == null) {
            throw new IllegalStateException("A browser context exists only in a test method");
        }
        return parameter.getParameter().getType() == Page.class ? browserContext.newPage() : browserContext;
    }

    private static synchronized void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
