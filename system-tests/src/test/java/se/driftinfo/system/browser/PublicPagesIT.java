package se.driftinfo.system.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static se.driftinfo.system.browser.Pages.assertAccessible;
import static se.driftinfo.system.browser.Pages.reloadUntil;
import static se.driftinfo.system.browser.Pages.screenshot;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.system.RunningSystem;

/**
 * The pages clinics use without an account, in a real browser: the fault report form on
 * incident-service and the /driftinfo page on notifier-service. Each is filled in the way a person with
 * a keyboard or a screen reader does (fields found by their labels, Tab and Enter), photographed
 * (target/screenshots/PublicPagesIT) and checked with axe-core.
 */
@BrowserTest
class PublicPagesIT {

    /** A system no other system test reports on, so nothing another test plans covers it. */
    private static final String SYSTEM = "jamtland-harjedalen/pascal";

    @Test
    void aClinicFillsInTheFaultReportWithTheKeyboardAndGetsAReference(Page page) {
        openForm(page);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Felanmälan")))
                .isVisible();
        screenshot(page, "01-felanmalan");
        assertAccessible(page);

        // From the first field on, Tab leads through the form in reading order.
        page.getByLabel("Enhetens HSA-id").focus();
        typeThenTab(page, "SE2321000198-0077", page.getByLabel("Enhetens namn"));
        typeThenTab(page, "Hälsocentralen Funäsdalen", page.getByLabel("Ditt namn"));
        typeThenTab(page, "Lars Öberg", page.getByLabel("E-post"));
        typeThenTab(page, "lars.oberg@hc-funasdalen.example", page.getByLabel("Telefon (frivilligt)"));
        typeThenTab(page, "", page.getByLabel("System"));
        page.getByLabel("System").selectOption(SYSTEM);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Beskriv felet")).isFocused();
        typeThenTab(
                page,
                "Pascal visar inga ordinationer sedan 08:10, gäller alla fyra sjuksköterskor.",
                page.getByLabel("Hur brådskande"));
        page.getByLabel("Hur brådskande").selectOption("HIGH");
        page.keyboard().press("Tab");
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka felanmälan"));
        assertThat(send).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Tack, vi har tagit emot felanmälan");
        assertThat(page.locator("#reference")).hasText(Pattern.compile("FR-20\\d\\d-\\d{6}"));
        assertThat(page.getByText("Helpdesken svarar senast")).isVisible();
        screenshot(page, "03-kvitto");
        assertAccessible(page);
    }

    @Test
    void aWrongFieldIsMarkedWithItsErrorWhichScreenReadersReadWithTheField(Page page) {
        openForm(page);
        // Values the browser's own checks let through but the service refuses.
        page.getByLabel("Enhetens HSA-id").fill("SE123");
        page.getByLabel("Enhetens namn").fill("A");
        page.getByLabel("Ditt namn").fill("Lars Öberg");
        page.getByLabel("E-post").fill("lars.oberg@hc-funasdalen.example");
        page.getByLabel("System").selectOption(SYSTEM);
        page.getByLabel("Beskriv felet").fill("Trasigt");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka felanmälan"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Något behöver rättas");
        assertFieldError(
                page.getByLabel("Enhetens HSA-id"),
                "Ange enhetens HSA-id: SE, organisationsnumret (10 siffror), bindestreck och enhetens id,"
                        + " t.ex. SE2321000016-1234.");
        assertFieldError(page.getByLabel("Enhetens namn"), "Ange enhetens namn (2–200 tecken).");
        assertFieldError(page.getByLabel("Beskriv felet"), "Beskriv felet med 10–4000 tecken.");
        for (String fine : new String[] {"Ditt namn", "E-post", "System"}) {
            assertThat(page.getByLabel(fine)).not().hasAttribute("aria-invalid", "true");
        }
        // What was typed is kept, to be corrected rather than typed again.
        assertThat(page.getByLabel("Enhetens namn")).hasValue("A");
        assertThat(page.getByLabel("System")).hasValue(SYSTEM);
        screenshot(page, "02-felanmalan-fel");
        assertAccessible(page);

        page.getByLabel("Enhetens HSA-id").fill("SE2321000198-0077");
        page.getByLabel("Enhetens namn").fill("Hälsocentralen Funäsdalen");
        page.getByLabel("Beskriv felet").fill("Pascal går inte att starta på någon dator sedan 08:10.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka felanmälan"))
                .click();
        assertThat(page.locator("#reference")).hasText(Pattern.compile("FR-20\\d\\d-\\d{6}"));
    }

    @Test
    void theDriftinfoPageListsNorrbottensFuStoppInSwedishAndEnglish(Page page) {
        String driftinfo = RunningSystem.url("notifier-service") + "/driftinfo";
        page.navigate(driftinfo);
        // The demo window reaches the notifier through Kafka shortly after the start.
        Locator fuStopp = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("FU-stopp"));
        reloadUntil(page, "Norrbotten's FU-stopp", 60_000, () -> fuStopp.count() > 0);
        assertThat(page.locator("html")).hasAttribute("lang", "sv");
        assertThat(fuStopp.first()).containsText("Region Norrbotten");
        assertThat(fuStopp.first()).containsText("17:00–23:00");
        screenshot(page, "04-driftinfo");
        assertAccessible(page);

        page.navigate(driftinfo + "?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Coming maintenance")))
                .isVisible();
        assertThat(fuStopp.first()).containsText("Region Norrbotten");
        screenshot(page, "05-driftinfo-en");
        assertAccessible(page);
    }

    @Test
    void aClinicSubscribesOnTheDriftinfoPageAndConfirmsFromTheMail(Page page) {
        // Jämtland Härjedalen: no test plans anything there, so this subscriber gets no other test's mail.
        String email = "it-samordnare@hc-stromsund.example";
        page.navigate(RunningSystem.url("notifier-service") + "/driftinfo");
        Locator region = page.getByLabel("Region Jämtland Härjedalen");
        reloadUntil(page, "the catalog's regions", 60_000, () -> region.count() > 0);
        page.getByLabel("E-post").fill(email);
        region.check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prenumerera"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Nästan klart");
        assertThat(page.getByText(email)).isVisible();
        screenshot(page, "06-prenumeration-skickad");
        assertAccessible(page);

        // The link in the mail shows a page with a button: a GET never confirms (mail scanners follow links).
        page.navigate(Mails.link(email, "/subscriptions/confirm/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Bekräfta prenumerationen");
        screenshot(page, "07-bekrafta");
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Prenumerationen är bekräftad");
        // The subscriber's own feed; no "/" in the pattern: Playwright for Java does not escape it in role selectors.
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("\\.ics$"))))
                .hasAttribute("href", Pattern.compile("/feeds/s/[A-Za-z0-9_-]+\\.ics$"));
        screenshot(page, "08-bekraftad");
        assertAccessible(page);
    }

    /** Opens /felanmalan once the catalog has reached incident-service (the system list comes from it). */
    private static void openForm(Page page) {
        page.navigate(RunningSystem.url("incident-service") + "/felanmalan");
        reloadUntil(
                page,
                "the catalog's systems in the form",
                60_000,
                () -> page.locator("option[value='" + SYSTEM + "']").count() > 0);
    }

    /** Types into the focused field as a person does, presses Tab and checks where the focus went. */
    private static void typeThenTab(Page page, String text, Locator next) {
        if (!text.isEmpty()) {
            page.keyboard().type(text);
        }
        page.keyboard().press("Tab");
        assertThat(next).isFocused();
    }

    /** The field is marked invalid, and its accessible description (what a screen reader reads) is the error. */
    private static void assertFieldError(Locator field, String message) {
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertThat(field).hasAccessibleDescription(message);
        String errorId = field.getAttribute("aria-describedby");
        assertThat(field.page().locator("#" + errorId)).isVisible();
    }
}
