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
import se.driftinfo.kit.validation.NoIdentityNumber;
import se.driftinfo.kit.domain.InvalidFieldException;

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

    private final FaultReportService service;
    private final CatalogRepository catalog;

    public FaultReportForm(FaultReportService service, CatalogRepository catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    /** What the form shows: choices, the values typed so far and a message per wrong field. */
    public record FormView(List<RegionOption> regions, Fields values, Fields errors, boolean hasErrors) {}

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
        Map<String, Problem> problems;
        try {
            FaultReport report = service.receive(input);
            return Response.ok(Templates.receipt(receipt(report)).render()).build();
        } catch (ConstraintViolationException e) {
            problems = problems(e);
        } catch (InvalidFieldException e) {
            problems = problems(e);
        }
        Fields typed = new Fields(
                hsaId, unitName, contactName, contactEmail, contactPhone, regionSystem, description, urgency);
        return Response.status(400)
                .type(MediaType.TEXT_HTML)
                .entity(Templates.form(view(withoutPatientData(typed, problems), errors(problems)))
                        .render())
                .build();
    }

    /** Why a field was refused, as the form tells it: patient data, or any other reason (the field's hint). */
    enum Problem {
        PATIENT_DATA,
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

    private static Map<String, Problem> problems(InvalidFieldException e) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        e.errors().forEach(error -> problems.put(error.field(), Problem.INVALID));
        return problems;
    }

    private FormView view(Fields values, Fields errors) {
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
        return new FormView(regions, values, errors, hasErrors);
    }

    private static Fields errors(Map<String, Problem> problems) {
        return new Fields(
                message(
                        problems,
                        "reporterHsaId",
                        "Ange enhetens HSA-id: SE, organisationsnumret (10 siffror), bindestreck"
                                + " och enhetens id, t.ex. SE2321000230-1234."),
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
        return problem == Problem.PATIENT_DATA ? PATIENT_DATA : swedish;
    }

    private static Fields withoutPatientData(Fields f, Map<String, Problem> problems) {
        return new Fields(
                f.reporterHsaId(),
                emptiedIfPatientData(problems, "unitName", f.unitName()),
                emptiedIfPatientData(problems, "contactName", f.contactName()),
                f.contactEmail(),
                f.contactPhone(),
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
