package se.driftinfo.incident.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportInput;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.ratelimit.TooManyRequestsException;
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.kit.validation.PersonnummerGuard;
import se.driftinfo.kit.web.ClientAddress;

/**
 * The fault report form (felanmälan) for clinics: no account needed, the same validation as the API.
 * A field that holds patient data is emptied, not shown back, so the number goes nowhere.
 */
@Path("/felanmalan")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class FaultReportForm {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));
    private static final String PATIENT_DATA = "Texten ser ut att innehålla ett personnummer eller samordningsnummer."
            + " Ta bort alla patientuppgifter: en felanmälan får inte innehålla dem.";
    private static final String OWN_SYSTEM = "Enheter i den här organisationen anmäler fel via organisationens eget"
            + " system, inte här. Går det inte, ring helpdesken.";

    /** Posts of the form per client address: a script hammering the form is slowed down. */
    static final String FORM_LIMIT = "fault-report-form";

    private final FaultReportService service;
    private final CatalogRepository catalog;
    private final RateLimits rateLimits;
    private final ClientAddress client;

    public FaultReportForm(
            FaultReportService service, CatalogRepository catalog, RateLimits rateLimits, ClientAddress client) {
        this.service = service;
        this.catalog = catalog;
        this.rateLimits = rateLimits;
        this.client = client;
    }

    /**
     * What the form shows: choices, the values typed so far, a message per wrong field, and a message for
     * the whole form (a rate limit), or null.
     */
    public record FormView(
            List<RegionOption> regions, Fields values, Fields errors, boolean hasErrors, String notice) {}

    public record RegionOption(String name, List<SystemOption> systems) {}

    public record SystemOption(String value, String name, boolean selected) {}

    /** One string per form field; used for the values and for the error messages alike. */
    public record Fields(
            String reporterHsaId,
            String unitName,
            String contactName,
            String contactEmail,
            String contactPhone,
            String system,
            String description,
            String urgency) {}

    public record ReceiptView(
            String reference, String responseDue, String coverKind, String coverTitle, String coverUntil) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormView view);

        static native TemplateInstance receipt(ReceiptView view);
    }

    @GET
    public TemplateInstance show() {
        Fields empty = new Fields("", "", "", "", "", "", "", "MEDIUM");
        return Templates.form(view(empty, new Fields(null, null, null, null, null, null, null, null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(
            @FormParam("reporterHsaId") String hsaId,
            @FormParam("unitName") String unitName,
            @FormParam("contactName") String contactName,
            @FormParam("contactEmail") String contactEmail,
            @FormParam("contactPhone") String contactPhone,
            @FormParam("system") String regionSystem,
            @FormParam("description") String description,
            @FormParam("urgency") String urgency) {
        String[] rs = regionSystem == null ? new String[0] : regionSystem.split("/", 2);
        ReportInput input = new ReportInput(
                trim(hsaId),
                unitName,
                contactName,
                contactEmail,
                contactPhone,
                rs.length == 2 ? rs[0] : null,
                rs.length == 2 ? rs[1] : null,
                description,
                urgency,
                null,
                "sv");
        Fields typed = new Fields(
                hsaId, unitName, contactName, contactEmail, contactPhone, regionSystem, description, urgency);
        Map<String, Problem> problems;
        try {
            rateLimits.check(FORM_LIMIT, client.get());
            FaultReport report = service.receiveAnonymously(input);
            return Response.ok(Templates.receipt(receipt(report)).render()).build();
        } catch (TooManyRequestsException e) {
            return tooMany(typed, e);
        } catch (ConstraintViolationException e) {
            problems = problems(e);
        } catch (InvalidFieldException e) {
            problems = problems(e);
        }
        patientDataIn(typed, problems);
        return Response.status(400)
                .type(MediaType.TEXT_HTML)
                .entity(Templates.form(view(withoutPatientData(typed, problems), errors(problems)))
                        .render())
                .build();
    }

    /**
     * A rate limit said no: the form again with what was typed (so nothing is lost; text with an identity
     * number is left out, as always), a message that says how long to wait, and {@code Retry-After}.
     */
    private Response tooMany(Fields typed, TooManyRequestsException e) {
        long minutes = (e.retryAfterSeconds() + 59) / 60;
        String wait = minutes <= 1 ? "en minut" : minutes + " minuter";
        String notice = FaultReportService.RECEIPT_LIMIT.equals(e.limit())
                ? "Vi har nyss tagit emot flera felanmälningar med den här e-postadressen. Vänta " + wait
                        + " innan du skickar nästa, eller ring helpdesken om det brådskar."
                : "Det har kommit många felanmälningar härifrån på kort tid. Vänta " + wait
                        + " och skicka igen, eller ring helpdesken om det brådskar.";
        Fields shown = new Fields(
                withoutIdentityNumber(typed.reporterHsaId()),
                withoutIdentityNumber(typed.unitName()),
                withoutIdentityNumber(typed.contactName()),
                withoutIdentityNumber(typed.contactEmail()),
                withoutIdentityNumber(typed.contactPhone()),
                typed.system(),
                withoutIdentityNumber(typed.description()),
                typed.urgency());
        FormView view = view(shown, errors(Map.of()), notice);
        return Response.status(429)
                .header("Retry-After", e.retryAfterSeconds())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.form(view).render())
                .build();
    }

    private static String withoutIdentityNumber(String value) {
        return PersonnummerGuard.containsIdentityNumber(value) ? "" : value;
    }

    /**
     * Why a field was refused, as the form tells it: patient data, a unit the form may not report for, or
     * any other reason (the field's hint).
     */
    enum Problem {
        PATIENT_DATA,
        OWN_SYSTEM,
        INVALID
    }

    /** Each wrong field once; patient data wins over any other reason, since the text must go. */
    private static Map<String, Problem> problems(ConstraintViolationException e) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            Problem problem = v.getConstraintDescriptor().getAnnotation() instanceof NoIdentityNumber
                    ? Problem.PATIENT_DATA
                    : Problem.INVALID;
            problems.merge(FieldErrors.fieldOf(v), problem, (a, b) -> a == Problem.PATIENT_DATA ? a : b);
        }
        return problems;
    }

    /** The rules checked after the constraints; on the HSA-id that is only the own-system rule. */
    private static Map<String, Problem> problems(InvalidFieldException e) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        e.errors()
                .forEach(error -> problems.put(
                        error.field(), error.field().equals("reporterHsaId") ? Problem.OWN_SYSTEM : Problem.INVALID));
        return problems;
    }

    /**
     * A refused field whose text holds an identity number is patient data whatever the constraint that
     * refused it (an HSA-id whose unit part is a personnummer, an e-mail address built on one), so that
     * no refused number is ever shown back.
     */
    private static void patientDataIn(Fields typed, Map<String, Problem> problems) {
        Map<String, String> values = Map.of(
                "reporterHsaId", nonNull(typed.reporterHsaId()),
                "unitName", nonNull(typed.unitName()),
                "contactName", nonNull(typed.contactName()),
                "contactEmail", nonNull(typed.contactEmail()),
                "contactPhone", nonNull(typed.contactPhone()),
                "description", nonNull(typed.description()));
        values.forEach((field, value) -> {
            if (problems.containsKey(field) && PersonnummerGuard.containsIdentityNumber(value)) {
                problems.put(field, Problem.PATIENT_DATA);
            }
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private FormView view(Fields values, Fields errors) {
        return view(values, errors, null);
    }

    private FormView view(Fields values, Fields errors, String notice) {
        List<RegionOption> regions = catalog.allRegions().stream()
                .map(r -> new RegionOption(
                        r.name,
                        r.systems.stream()
                                .map(s -> new SystemOption(
                                        r.code + "/" + s.code, s.name, (r.code + "/" + s.code).equals(values.system())))
                                .toList()))
                .toList();
        boolean hasErrors = errors.reporterHsaId() != null
                || errors.unitName() != null
                || errors.contactName() != null
                || errors.contactEmail() != null
                || errors.contactPhone() != null
                || errors.system() != null
                || errors.description() != null
                || errors.urgency() != null;
        return new FormView(regions, values, errors, hasErrors, notice);
    }

    private static Fields errors(Map<String, Problem> problems) {
        return new Fields(
                message(
                        problems,
                        "reporterHsaId",
                        "Ange enhetens HSA-id: SE, organisationsnumret (10 siffror), bindestreck"
                                + " och enhetens id, t.ex. SE2321000016-1234."),
                message(problems, "unitName", "Ange enhetens namn (2–200 tecken)."),
                message(problems, "contactName", "Ange ditt namn (2–100 tecken)."),
                message(problems, "contactEmail", "Ange en e-postadress, t.ex. namn@exempel.se."),
                message(
                        problems,
                        "contactPhone",
                        "Ange ett telefonnummer med siffror, mellanslag, +, - och parenteser."),
                problems.containsKey("region") || problems.containsKey("system") ? "Välj ett system i listan." : null,
                message(problems, "description", "Beskriv felet med 10–4000 tecken."),
                message(problems, "urgency", "Välj hur brådskande felet är."));
    }

    /** The Swedish message for a field, the patient-data one if that was the reason, or null if it was fine. */
    private static String message(Map<String, Problem> problems, String field, String swedish) {
        Problem problem = problems.get(field);
        if (problem == null) {
            return null;
        }
        return switch (problem) {
            case PATIENT_DATA -> PATIENT_DATA;
            case OWN_SYSTEM -> OWN_SYSTEM;
            case INVALID -> swedish;
        };
    }

    private static Fields withoutPatientData(Fields f, Map<String, Problem> problems) {
        return new Fields(
                emptiedIfPatientData(problems, "reporterHsaId", f.reporterHsaId()),
                emptiedIfPatientData(problems, "unitName", f.unitName()),
                emptiedIfPatientData(problems, "contactName", f.contactName()),
                emptiedIfPatientData(problems, "contactEmail", f.contactEmail()),
                emptiedIfPatientData(problems, "contactPhone", f.contactPhone()),
                f.system(),
                emptiedIfPatientData(problems, "description", f.description()),
                f.urgency());
    }

    private static String emptiedIfPatientData(Map<String, Problem> problems, String field, String value) {
        return problems.get(field) == Problem.PATIENT_DATA ? "" : value;
    }

    private static ReceiptView receipt(FaultReport r) {
        return new ReceiptView(
                r.reference,
                format(r.responseDue),
                r.coveredKind == null ? null : r.coveredKind.name(),
                r.coveredTitle,
                format(r.coveredUntil));
    }

    private static String format(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(SWEDEN));
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
