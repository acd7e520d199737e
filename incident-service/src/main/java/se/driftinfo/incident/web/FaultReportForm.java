package se.driftinfo.incident.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import java.util.List;
import java.util.Locale;
import se.driftinfo.incident.catalog.CatalogRepository;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.incident.report.FaultReportService;
import se.driftinfo.incident.report.ReportInput;
import se.driftinfo.kit.problem.Problem;
import se.driftinfo.kit.problem.ProblemException;

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
        try {
            FaultReport report = service.receive(input);
            return Response.ok(Templates.receipt(receipt(report)).render()).build();
        } catch (ProblemException e) {
            if (e.status() != 400 || e.invalidParams() == null) {
                throw e;
            }
            Fields typed = new Fields(
                    hsaId, unitName, contactName, contactEmail, contactPhone, regionSystem, description, urgency);
            return Response.status(400)
                    .type(MediaType.TEXT_HTML)
                    .entity(Templates.form(view(withoutPatientData(typed, e), errors(e)))
                            .render())
                    .build();
        }
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

    private static Fields errors(ProblemException e) {
        return new Fields(
                message(
                        e,
                        "reporterHsaId",
                        "Ange enhetens HSA-id: SE, organisationsnumret (10 siffror), bindestreck"
                                + " och enhetens id, t.ex. SE2321000230-1234."),
                message(e, "unitName", "Ange enhetens namn (2–200 tecken)."),
                message(e, "contactName", "Ange ditt namn (2–100 tecken)."),
                message(e, "contactEmail", "Ange en e-postadress, t.ex. namn@exempel.se."),
                message(e, "contactPhone", "Ange ett telefonnummer med siffror, mellanslag, +, - och parenteser."),
                message(e, "region", "") != null || message(e, "system", "") != null
                        ? "Välj ett system i listan."
                        : null,
                message(e, "description", "Beskriv felet med 10–4000 tecken."),
                message(e, "urgency", "Välj hur brådskande felet är."));
    }

    /** The Swedish message for a field, the patient-data one if that was the reason, or null if it was fine. */
    private static String message(ProblemException e, String field, String swedish) {
        for (Problem.InvalidParam p : e.invalidParams()) {
            if (p.name().equals(field)) {
                return isPatientData(p) ? PATIENT_DATA : swedish;
            }
        }
        return null;
    }

    private static boolean isPatientData(Problem.InvalidParam p) {
        return p.reason().contains("personnummer");
    }

    private static Fields withoutPatientData(Fields f, ProblemException e) {
        List<String> patient = e.invalidParams().stream()
                .filter(FaultReportForm::isPatientData)
                .map(Problem.InvalidParam::name)
                .toList();
        return new Fields(
                f.reporterHsaId(),
                patient.contains("unitName") ? "" : f.unitName(),
                patient.contains("contactName") ? "" : f.contactName(),
                f.contactEmail(),
                f.contactPhone(),
                f.system(),
                patient.contains("description") ? "" : f.description(),
                f.urgency());
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
