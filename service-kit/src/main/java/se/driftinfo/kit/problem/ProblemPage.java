package se.driftinfo.kit.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A domain refusal shown to a person on a staff or public page: a short page in Swedish with what
 * happened and a way back, instead of the API's problem details. Same status code.
 */
public final class ProblemPage {

    private ProblemPage() {}

    static Response of(Problem problem) {
        String heading =
                switch (problem.status()) {
                    case 403 -> "Du har inte behörighet";
                    case 404 -> "Finns inte";
                    case 409 -> "Det gick inte";
                    case 412 -> "Ändrad av någon annan";
                    case 429 -> "För många försök";
                    default -> "Felaktig uppgift";
                };
        String explanation =
                switch (problem.status()) {
                    case 403 ->
                        "Ditt konto får inte se eller ändra det här, till exempel för att det hör till en annan region.";
                    case 404 -> "Det du bad om finns inte, eller har tagits bort.";
                    case 412 -> "Någon annan har ändrat det under tiden. Ladda om sidan och försök igen.";
                    case 429 -> "Du har skickat många gånger på kort tid. Vänta en stund och försök sedan igen.";
                    default -> "Kontrollera uppgifterna och försök igen.";
                };
        return page(problem.status(), heading, explanation, escape(problem.detail()));
    }

    /**
     * A short Swedish page for a refusal shown to a person, with a line in English.
     *
     * @param english HTML-safe text
     */
    public static Response page(int status, String heading, String explanation, String english) {
        String page = """
                <!DOCTYPE html>
                <html lang="sv">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Driftinfo</title><link rel="stylesheet" href="/css/driftinfo.css"></head>
                <body><main>
                <h1>%s</h1>
                <p>%s</p>
                <p lang="en">%s</p>
                </main></body></html>
                """.formatted(heading, heading, explanation, english);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page)
                .build();
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
