package se.driftinfo.system.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import se.driftinfo.system.RunningSystem;

/**
 * A test class that drives the running system through a real browser: the shared system ({@link
 * RunningSystem}) is started, and each test method may take a {@link com.microsoft.playwright.Page}
 * parameter, a fresh tab in a fresh context of the JVM's one headless Chromium ({@link Browser}).
 * {@link Pages} has the screenshot, accessibility and sign-in helpers.
 *
 * <p>Name such classes {@code *IT}: they run in {@code ./mvnw verify} (failsafe), after the services
 * are packaged. {@code -Dgroups=browser} (or {@code -DexcludedGroups=browser}) picks them by tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith({RunningSystem.class, Browser.class})
public @interface BrowserTest {}
