package se.driftinfo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.Topics;

/**
 * Offline checks of the Kubernetes manifests in {@code k8s/}: what would break a deployment without
 * any schema validator noticing. Reads every YAML document under {@code k8s/}, the services'
 * {@code application.properties} (the production profile) and the topic names of
 * {@link Topics}, and checks that they agree: kustomize resources exist, probes and Services hit the
 * Quarkus port and health paths, every environment variable the production profile reads is set,
 * every Secret/ConfigMap a pod references exists (or is one the operators generate, or one k8s/README.md
 * says how to create per environment), the services with staff sign-in get the identity provider's
 * settings and secrets, every topic has a {@code KafkaTopic}, and every Deployment survives a node drain.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("maintenance-service", "incident-service", "notifier-service");

    /** Keys of the Secret "{cluster}-app" that CloudNativePG generates for the database owner. */
    static final Set<String> CNPG_APP_SECRET_KEYS = Set.of(
            "username",
            "password",
            "user",
            "dbname",
            "host",
            "port",
            "uri",
            "jdbc-uri",
            "pgpass",
            "fqdn-uri",
            "fqdn-jdbc-uri");

    /**
     * What a service with staff sign-in (an enabled OIDC tenant) needs in production: the kit's
     * defaults name no provider, and the client secret and the session cookie's key must never be in
     * the repository.
     */
    static final List<String> OIDC_SETTINGS = List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID");

    static final List<String> OIDC_SECRETS =
            List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET");

    /** Behind the TLS-terminating ingress: https redirect URIs and Secure cookies. */
    static final List<String> BEHIND_INGRESS =
            List.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED");

    static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?}");
    static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    static Path root;
    static Path k8s;
    static final Map<Path, List<JsonNode>> documents = new LinkedHashMap<>();
    static final List<JsonNode> all = new ArrayList<>();
    static String readme;

    @BeforeAll
    static void readManifests() throws IOException {
        root = Path.of(System.getProperty("driftinfo.root", ".."))
                .toAbsolutePath()
                .normalize();
        k8s = root.resolve("k8s");
        assertTrue(Files.isDirectory(k8s), "no k8s directory at " + k8s);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                List<JsonNode> docs = new ArrayList<>();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                        MappingIterator<JsonNode> it =
                                yaml.readerFor(JsonNode.class).readValues(reader)) {
                    while (it.hasNextValue()) {
                        JsonNode doc = it.nextValue();
                        if (doc != null && doc.isObject() && doc.size() > 0) {
                            docs.add(doc);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    fail(k8s.relativize(file) + " is not valid YAML: " + e.getMessage());
                }
                documents.put(file, docs);
                all.addAll(docs);
            }
        }
        assertFalse(all.isEmpty(), "no YAML documents under " + k8s);
        readme = Files.readString(k8s.resolve("README.md"));
    }

    // ---------------------------------------------------------------- kustomize

    @Test
    void everyManifestHasKindApiVersionAndName() {
        documents.forEach((file, docs) -> docs.forEach(doc -> {
            String where = k8s.relativize(file).toString();
            assertFalse(doc.path("kind").asText().isEmpty(), where + ": a document without kind");
            assertFalse(doc.path("apiVersion").asText().isEmpty(), where + ": a document without apiVersion");
            if (!"Kustomization".equals(doc.path("kind").asText())) {
                assertFalse(
                        name(doc).isEmpty(), where + ": a " + doc.path("kind").asText() + " without a name");
            }
        }));
    }

    @Test
    void everyKustomizationResourceExistsAndEveryManifestIsIncluded() {
        Set<Path> included = new HashSet<>();
        List<Path> kustomizations = documents.keySet().stream()
                .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertTrue(
                kustomizations.stream().anyMatch(f -> f.getParent().equals(k8s.resolve("base"))),
                "k8s/base/kustomization.yaml is missing");
        assertTrue(
                kustomizations.stream().anyMatch(f -> f.getParent().equals(k8s.resolve("overlays/production"))),
                "k8s/overlays/production/kustomization.yaml is missing");
        for (Path file : kustomizations) {
            JsonNode kustomization = documents.get(file).get(0);
            List<String> refs = new ArrayList<>();
            kustomization.path("resources").forEach(r -> refs.add(r.asText()));
            kustomization.path("components").forEach(r -> refs.add(r.asText()));
            kustomization.path("patches").forEach(p -> {
                if (p.has("path")) {
                    refs.add(p.path("path").asText());
                }
            });
            kustomization.path("patchesStrategicMerge").forEach(r -> refs.add(r.asText()));
            assertFalse(refs.isEmpty(), k8s.relativize(file) + " includes nothing");
            for (String ref : refs) {
                Path target = file.getParent().resolve(ref).normalize();
                String where = k8s.relativize(file) + ": resource " + ref;
                if (Files.isDirectory(target)) {
                    assertTrue(
                            Files.exists(target.resolve("kustomization.yaml")),
                            where + " is a directory without kustomization.yaml");
                } else {
                    assertTrue(Files.isRegularFile(target), where + " does not exist (" + target + ")");
                    included.add(target);
                }
            }
        }
        for (Path file : documents.keySet()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                assertTrue(
                        included.contains(file),
                        k8s.relativize(file)
                                + " is in no kustomization's resources, so `kubectl apply -k` never applies it");
            }
        }
    }

    @Test
    void productionOverlayTagsEveryImageAndSetsReplicasOfExistingDeployments() {
        JsonNode overlay = documents
                .get(k8s.resolve("overlays/production/kustomization.yaml"))
                .get(0);
        Set<String> tagged = new HashSet<>();
        overlay.path("images").forEach(i -> {
            assertFalse(
                    i.path("newTag").asText().isEmpty()
                            && i.path("digest").asText().isEmpty(),
                    "overlay image " + i.path("name").asText() + " has neither newTag nor digest");
            tagged.add(i.path("name").asText());
        });
        for (JsonNode deployment : ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String image = container.path("image").asText().replaceFirst(":[^:/]+$", "");
                assertTrue(tagged.contains(image), "the production overlay sets no tag for " + image);
            }
        }
        Set<String> deployments =
                ofKind("Deployment").stream().map(KubernetesManifestsTest::name).collect(Collectors.toSet());
        overlay.path("replicas").forEach(r -> {
            assertTrue(
                    deployments.contains(r.path("name").asText()),
                    "overlay replicas name an unknown Deployment "
                            + r.path("name").asText());
            assertTrue(
                    r.path("count").asInt() >= 2,
                    "overlay runs " + r.path("name").asText() + " with fewer than 2 replicas");
        });
    }

    // ---------------------------------------------------------------- Deployments, Services, PDBs

    @Test
    void everyServiceHasADeploymentRunningItsImage() {
        for (String service : SERVICES) {
            JsonNode deployment = deployment(service);
            assertEquals(
                    service,
                    containers(deployment).get(0).path("name").asText(),
                    service + ": the first container should be the service");
            assertTrue(
                    containers(deployment).get(0).path("image").asText().startsWith("driftinfo/" + service + ":"),
                    service + ": image should be driftinfo/" + service + ":<tag>");
        }
        assertEquals(SERVICES.size(), ofKind("Deployment").size(), "unexpected Deployments");
    }

    @Test
    void replicasSurviveADrain() {
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = name(deployment);
            int replicas = deployment.path("spec").path("replicas").asInt(1);
            assertTrue(replicas >= 2, name + ": replicas " + replicas + " < 2");
            JsonNode rolling = deployment.path("spec").path("strategy").path("rollingUpdate");
            assertEquals(
                    "0", rolling.path("maxUnavailable").asText(), name + ": rolling update maxUnavailable must be 0");
            Map<String, String> podLabels = labels(deployment.path("spec").path("template"));
            assertSelects(
                    deployment.path("spec").path("selector").path("matchLabels"),
                    podLabels,
                    name + ": the Deployment's selector does not match its pod template");
            List<JsonNode> budgets = ofKind("PodDisruptionBudget").stream()
                    .filter(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels))
                    .toList();
            assertEquals(1, budgets.size(), name + ": expected exactly one PodDisruptionBudget selecting its pods");
            JsonNode pdb = budgets.get(0).path("spec");
            assertTrue(
                    pdb.has("minAvailable") && !pdb.path("minAvailable").isTextual(),
                    name + ": the PDB should set an absolute minAvailable");
            int minAvailable = pdb.path("minAvailable").asInt();
            assertTrue(
                    minAvailable >= 1 && minAvailable < replicas,
                    name + ": PDB minAvailable " + minAvailable + " must be at least 1 and below replicas " + replicas
                            + " (or nodes can never drain)");
        }
    }

    @Test
    void probesAndServiceTargetTheQuarkusPortAndHealthPaths() {
        for (String service : SERVICES) {
            Properties config = applicationProperties(service);
            int httpPort = Integer.parseInt(config.getProperty("quarkus.http.port", "8080"));
            JsonNode deployment = deployment(service);
            JsonNode container = containers(deployment).get(0);

            assertEquals(
                    httpPort,
                    resolvePort(
                            container,
                            container
                                    .path("ports")
                                    .path(0)
                                    .path("name")
                                    .asText(String.valueOf(container
                                            .path("ports")
                                            .path(0)
                                            .path("containerPort")
                                            .asInt()))),
                    service + ": the container port is not quarkus.http.port " + httpPort);

            Map<String, String> probePaths = Map.of(
                    "startupProbe",
                    "/q/health/started",
                    "livenessProbe",
                    "/q/health/live",
                    "readinessProbe",
                    "/q/health/ready");
            probePaths.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertFalse(get.isMissingNode(), service + ": no " + probe + " with httpGet");
                assertEquals(path, get.path("path").asText(), service + ": " + probe + " path");
                assertEquals(
                        httpPort,
                        resolvePort(container, get.path("port").asText()),
                        service + ": " + probe + " port is not the HTTP port " + httpPort);
            });

            Map<String, String> podLabels = labels(deployment.path("spec").path("template"));
            List<JsonNode> services = ofKind("Service").stream()
                    .filter(s -> selects(s.path("spec").path("selector"), podLabels))
                    .toList();
            assertEquals(1, services.size(), service + ": expected exactly one Service selecting its pods");
            JsonNode port = services.get(0).path("spec").path("ports").path(0);
            String target = port.path("targetPort").asText(port.path("port").asText());
            assertEquals(
                    httpPort,
                    resolvePort(container, target),
                    service + ": the Service's targetPort " + target + " is not the container's HTTP port");

            JsonNode annotations =
                    deployment.path("spec").path("template").path("metadata").path("annotations");
            assertEquals("true", annotations.path("prometheus.io/scrape").asText(), service + ": prometheus.io/scrape");
            assertEquals(
                    String.valueOf(httpPort),
                    annotations.path("prometheus.io/port").asText(),
                    service + ": prometheus.io/port");
            assertEquals(
                    config.getProperty("quarkus.micrometer.export.prometheus.path", "/q/metrics"),
                    annotations.path("prometheus.io/path").asText(),
                    service + ": prometheus.io/path");
        }
    }

    @Test
    void podsRunNonRootOnAReadOnlyRootWithWritableTmpAndBoundedResources() {
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : containers(deployment)) {
                JsonNode security = container.path("securityContext");
                assertTrue(
                        pod.path("securityContext").path("runAsNonRoot").asBoolean()
                                || security.path("runAsNonRoot").asBoolean(),
                        name + ": runAsNonRoot");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name + ": readOnlyRootFilesystem");
                assertFalse(
                        security.path("allowPrivilegeEscalation").asBoolean(true),
                        name + ": allowPrivilegeEscalation must be false");
                List<String> dropped = new ArrayList<>();
                security.path("capabilities").path("drop").forEach(c -> dropped.add(c.asText()));
                assertTrue(dropped.contains("ALL"), name + ": capabilities must drop ALL");

                String tmpVolume = null;
                for (JsonNode mount : container.path("volumeMounts")) {
                    if ("/tmp".equals(mount.path("mountPath").asText())) {
                        tmpVolume = mount.path("name").asText();
                    }
                }
                assertNotNull(tmpVolume, name + ": a read-only root needs a writable /tmp (java.io.tmpdir)");
                String tmp = tmpVolume;
                assertTrue(
                        stream(pod.path("volumes"))
                                .anyMatch(v -> tmp.equals(v.path("name").asText()) && v.has("emptyDir")),
                        name + ": /tmp should be an emptyDir volume");

                JsonNode resources = container.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertFalse(
                                resources.path(kind).path(resource).asText().isEmpty(),
                                name + ": resources." + kind + "." + resource + " missing");
                    }
                }
                long request = bytes(resources.path("requests").path("memory").asText());
                long limit = bytes(resources.path("limits").path("memory").asText());
                // The JVM runs at about 300 MB RSS; below 384Mi it is OOM-killed under load.
                assertTrue(request >= 384L << 20, name + ": memory request below 384Mi");
                assertTrue(limit >= request, name + ": memory limit below the request");
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void everyEnvironmentVariableTheProductionProfileReadsIsSet() {
        for (String service : SERVICES) {
            Map<String, JsonNode> env = environment(deployment(service));
            Set<String> required =
                    new LinkedHashSet<>(List.of("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS"));
            if (service.equals("notifier-service")) {
                required.addAll(List.of("DRIFTINFO_SMTP_HOST", "DRIFTINFO_SMTP_PORT", "DRIFTINFO_SMTP_FROM"));
            }
            for (String variable : required) {
                assertTrue(env.containsKey(variable), service + ": environment variable " + variable + " is not set");
            }
            // Every ${VAR:default} in a production (unprofiled) property must be fed, either through VAR
            // or through the property's own environment name; otherwise production silently runs on
            // the default (localhost).
            Properties config = applicationProperties(service);
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    continue;
                }
                Matcher m = ENV_EXPRESSION.matcher(config.getProperty(key));
                while (m.find()) {
                    String variable = m.group(1);
                    String propertyEnv = key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
                    assertTrue(
                            env.containsKey(variable) || env.containsKey(propertyEnv),
                            service + ": " + key + " reads ${" + variable + "} but neither " + variable + " nor "
                                    + propertyEnv + " is set");
                }
            }
        }
    }

    @Test
    void everyReferencedSecretAndConfigMapExistsOrIsGeneratedByAnOperator() {
        Map<String, JsonNode> configMaps = byName("ConfigMap");
        Map<String, JsonNode> secrets = byName("Secret");
        Set<String> cnpgSecrets =
                ofKind("Cluster").stream().map(c -> name(c) + "-app").collect(Collectors.toSet());
        for (JsonNode deployment : ofKind("Deployment")) {
            String name = name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : containers(deployment)) {
                for (JsonNode variable : container.path("env")) {
                    String where = name + ": env " + variable.path("name").asText();
                    JsonNode from = variable.path("valueFrom");
                    assertTrue(
                            variable.has("value")
                                    || from.has("secretKeyRef")
                                    || from.has("configMapKeyRef")
                                    || from.has("fieldRef")
                                    || from.has("resourceFieldRef"),
                            where + " has no value");
                    if (from.has("configMapKeyRef")) {
                        JsonNode ref = from.path("configMapKeyRef");
                        JsonNode map = configMaps.get(ref.path("name").asText());
                        if (map == null) {
                            assertOptionalAndDocumented(ref, "ConfigMap", where);
                        } else {
                            assertTrue(
                                    map.path("data").has(ref.path("key").asText()),
                                    where + ": ConfigMap " + ref.path("name").asText() + " has no key "
                                            + ref.path("key").asText());
                        }
                    }
                    if (from.has("secretKeyRef")) {
                        JsonNode ref = from.path("secretKeyRef");
                        String secret = ref.path("name").asText();
                        String key = ref.path("key").asText();
                        if (cnpgSecrets.contains(secret)) {
                            assertTrue(
                                    CNPG_APP_SECRET_KEYS.contains(key),
                                    where + ": CloudNativePG's " + secret + " has no key " + key);
                        } else if (secrets.containsKey(secret)) {
                            JsonNode s = secrets.get(secret);
                            assertTrue(
                                    s.path("data").has(key)
                                            || s.path("stringData").has(key),
                                    where + ": Secret " + secret + " has no key " + key);
                        } else {
                            assertOptionalAndDocumented(ref, "Secret", where);
                            Set<String> created = createdSecretKeys(secret);
                            assertTrue(
                                    created.isEmpty() || created.contains(key),
                                    where + ": k8s/README.md creates Secret " + secret + " without the key " + key);
                        }
                    }
                }
                for (JsonNode source : container.path("envFrom")) {
                    if (source.has("configMapRef")
                            && !configMaps.containsKey(
                                    source.path("configMapRef").path("name").asText())) {
                        assertOptionalAndDocumented(source.path("configMapRef"), "ConfigMap", name + ": envFrom");
                    }
                    if (source.has("secretRef")
                            && !secrets.containsKey(
                                    source.path("secretRef").path("name").asText())) {
                        assertOptionalAndDocumented(source.path("secretRef"), "Secret", name + ": envFrom");
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    assertTrue(
                            configMaps.containsKey(
                                    volume.path("configMap").path("name").asText()),
                            name + ": volume from unknown ConfigMap");
                }
                if (volume.has("secret")) {
                    String secret = volume.path("secret").path("secretName").asText();
                    assertTrue(
                            secrets.containsKey(secret) || cnpgSecrets.contains(secret),
                            name + ": volume from unknown Secret " + secret);
                }
            }
        }
    }

    @Test
    void servicesWithSignInGetTheIdentityProviderAndItsSecretsBehindTheIngress() {
        Map<String, JsonNode> configMaps = byName("ConfigMap");
        Set<String> signIn = new LinkedHashSet<>();
        Set<String> sessionKeySources = new LinkedHashSet<>();
        for (String service : SERVICES) {
            Properties config = applicationProperties(service);
            Map<String, JsonNode> env = environment(deployment(service));
            if ("false"
                    .equals(config.getProperty("quarkus.oidc.tenant-enabled", "true")
                            .trim())) {
                // No sign-in: the pod must not wait for the OIDC Secret, nor pretend to use it.
                for (String variable : OIDC_SECRETS) {
                    assertFalse(
                            env.containsKey(variable),
                            service + " has no sign-in (quarkus.oidc.tenant-enabled=false) but reads " + variable);
                }
                continue;
            }
            signIn.add(service);
            for (String variable : OIDC_SETTINGS) {
                assertTrue(env.containsKey(variable), service + ": staff sign-in needs " + variable);
            }
            String issuer =
                    valueOf(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), "QUARKUS_OIDC_AUTH_SERVER_URL", configMaps);
            assertTrue(
                    issuer != null && issuer.matches("https://[^/\\s]+/\\S*"),
                    service + ": QUARKUS_OIDC_AUTH_SERVER_URL " + issuer
                            + " should be the provider's https issuer URL");
            for (String variable : OIDC_SECRETS) {
                JsonNode source = env.get(variable);
                assertNotNull(source, service + ": staff sign-in needs " + variable + " (from a Secret)");
                JsonNode ref = source.has("secretRef")
                        ? source.path("secretRef")
                        : source.path("valueFrom").path("secretKeyRef");
                assertFalse(
                        ref.isMissingNode(),
                        service + ": " + variable + " must come from a Secret, never a literal or a ConfigMap");
                assertFalse(
                        ref.path("optional").asBoolean(),
                        service + ": the Secret " + ref.path("name").asText() + " with " + variable
                                + " must not be optional: without it nobody can sign in");
                if (variable.equals("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET")) {
                    sessionKeySources.add(ref.path("name").asText());
                }
            }
            for (String variable : BEHIND_INGRESS) {
                assertEquals(
                        "true",
                        valueOf(env.get(variable), variable, configMaps),
                        service + ": " + variable
                                + " must be true behind the TLS-terminating ingress (https redirect URIs, Secure cookies)");
            }
        }
        assertEquals(
                Set.of("incident-service", "maintenance-service"),
                signIn,
                "the services with staff sign-in (an enabled OIDC tenant)");
        assertEquals(
                1,
                sessionKeySources.size(),
                "every service with sign-in should read the session cookie's key from the same Secret, so a "
                        + "session is readable on every replica (and on one host, by every service): "
                        + sessionKeySources);
    }

    @Test
    void eachServiceHasItsOwnDatabaseClusterAndItsGeneratedCredentials() {
        Map<String, JsonNode> clusters = byName("Cluster");
        Set<String> used = new HashSet<>();
        for (String service : SERVICES) {
            Map<String, JsonNode> env = environment(deployment(service));
            // The database the service expects is the one its default JDBC URL names.
            Matcher expected = JDBC_URL.matcher(
                    defaultOf(applicationProperties(service).getProperty("quarkus.datasource.jdbc.url")));
            assertTrue(expected.matches(), service + ": cannot read the default JDBC URL");
            String database = expected.group(3);

            String url = literal(env.get("DB_URL"), service + ": DB_URL");
            Matcher m = JDBC_URL.matcher(url);
            assertTrue(m.matches(), service + ": DB_URL " + url + " is not a PostgreSQL JDBC URL");
            String host = m.group(1).split("\\.")[0];
            assertTrue(host.endsWith("-rw"), service + ": DB_URL must point at the primary, <cluster>-rw, not " + host);
            String clusterName = host.substring(0, host.length() - "-rw".length());
            JsonNode cluster = clusters.get(clusterName);
            assertNotNull(cluster, service + ": DB_URL points at " + host + " but there is no Cluster " + clusterName);
            assertTrue(used.add(clusterName), service + " shares the database cluster " + clusterName);
            assertEquals("5432", Optional.ofNullable(m.group(2)).orElse("5432"), service + ": DB_URL port");
            assertEquals(database, m.group(3), service + ": DB_URL database");
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertEquals(database, initdb.path("database").asText(), clusterName + ": bootstrap.initdb.database");
            assertEquals(database, initdb.path("owner").asText(), clusterName + ": bootstrap.initdb.owner");
            assertTrue(cluster.path("spec").path("instances").asInt(1) >= 3, clusterName + ": instances < 3");

            for (Map.Entry<String, String> credential :
                    Map.of("DB_USER", "username", "DB_PASSWORD", "password").entrySet()) {
                JsonNode ref = env.get(credential.getKey()).path("valueFrom").path("secretKeyRef");
                assertEquals(
                        clusterName + "-app",
                        ref.path("name").asText(),
                        service + ": " + credential.getKey() + " must come from the owner's Secret " + clusterName
                                + "-app");
                assertEquals(
                        credential.getValue(), ref.path("key").asText(), service + ": " + credential.getKey() + " key");
            }
        }
    }

    // ---------------------------------------------------------------- Kafka

    @Test
    void servicesReachTheStrimziBootstrapServiceOnAPlainListener() {
        JsonNode kafka = single("Kafka");
        String cluster = name(kafka);
        assertTrue(
                kafka.path("spec").path("entityOperator").has("topicOperator"),
                "Kafka " + cluster + " has no topic operator: the KafkaTopics would never be created");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(2, config.path("min.insync.replicas").asInt(), "Kafka min.insync.replicas");
        int brokers = brokers(cluster);
        assertTrue(brokers >= 3, "Kafka " + cluster + " has " + brokers + " brokers, expected 3");
        assertTrue(
                ofKind("KafkaNodePool").stream()
                        .filter(p -> belongsTo(p, cluster))
                        .anyMatch(p -> stream(p.path("spec").path("roles"))
                                .anyMatch(r -> r.asText().equals("controller"))),
                "no KafkaNodePool with the controller role: KRaft needs one");

        Map<String, JsonNode> configMaps = byName("ConfigMap");
        for (String service : SERVICES) {
            JsonNode variable = environment(deployment(service)).get("KAFKA_BOOTSTRAP_SERVERS");
            String value = variable.has("value") ? variable.path("value").asText() : null;
            JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
            if (value == null && !ref.isMissingNode()) {
                value = configMaps
                        .get(ref.path("name").asText())
                        .path("data")
                        .path(ref.path("key").asText())
                        .asText();
            }
            assertNotNull(value, service + ": KAFKA_BOOTSTRAP_SERVERS must be a value or come from a ConfigMap");
            String[] hostPort = value.split(",")[0].trim().split(":");
            assertEquals(2, hostPort.length, service + ": KAFKA_BOOTSTRAP_SERVERS " + value + " is not host:port");
            assertEquals(
                    cluster + "-kafka-bootstrap",
                    hostPort[0].split("\\.")[0],
                    service + ": KAFKA_BOOTSTRAP_SERVERS must name Strimzi's bootstrap Service");
            int port = Integer.parseInt(hostPort[1]);
            JsonNode listener = stream(kafka.path("spec").path("kafka").path("listeners"))
                    .filter(l -> l.path("port").asInt() == port)
                    .findFirst()
                    .orElse(null);
            assertNotNull(listener, service + ": Kafka " + cluster + " has no listener on port " + port);
            // application.properties configures no TLS or SASL for Kafka.
            assertFalse(
                    listener.path("tls").asBoolean(),
                    service + ": listener " + port + " uses TLS but the services are configured for plain Kafka");
            assertFalse(
                    listener.has("authentication"),
                    service + ": listener " + port + " requires authentication the services do not configure");
        }
    }

    @Test
    void everyTopicTheCodeAndConfigurationUseHasAKafkaTopic() throws IllegalAccessException {
        Set<String> topics = new LinkedHashSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                topics.add((String) field.get(null));
            }
        }
        assertTrue(topics.contains(Topics.CATALOG), "reflection found no topics in " + Topics.class);
        for (String service : SERVICES) {
            Properties config = applicationProperties(service);
            // The kit's connector-wide dead-letter topic is used only by a service that consumes.
            boolean consumes =
                    config.stringPropertyNames().stream().anyMatch(key -> key.startsWith("mp.messaging.incoming."));
            for (String key : config.stringPropertyNames()) {
                boolean connectorWide = key.startsWith("mp.messaging.connector.");
                if (!key.startsWith("%")
                        && key.startsWith("mp.messaging.")
                        && key.endsWith(".topic")
                        && (consumes || !connectorWide)) {
                    topics.add(config.getProperty(key).trim());
                }
            }
        }
        assertTrue(
                topics.contains("driftinfo.dlq.incident-service") && topics.contains("driftinfo.dlq.notifier-service"),
                "the dead-letter topics were not found in application.properties: " + topics);

        JsonNode kafka = single("Kafka");
        int brokers = brokers(name(kafka));
        int clusterMinIsr = kafka.path("spec")
                .path("kafka")
                .path("config")
                .path("min.insync.replicas")
                .asInt(1);
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String topicName = topic.path("spec").path("topicName").asText(name(topic));
            assertTrue(declared.put(topicName, topic) == null, "topic " + topicName + " declared twice");
            assertTrue(
                    belongsTo(topic, name(kafka)),
                    "KafkaTopic " + topicName + " lacks the label strimzi.io/cluster=" + name(kafka)
                            + ": the topic operator ignores it");
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec")
                    .path("config")
                    .path("min.insync.replicas")
                    .asInt(clusterMinIsr);
            assertTrue(
                    replicas >= 3 && replicas <= brokers,
                    topicName + ": replicas " + replicas + " must be at least 3 and at most the " + brokers
                            + " brokers");
            assertTrue(
                    minIsr >= 2 && minIsr < replicas,
                    topicName + ": min.insync.replicas " + minIsr + " must be at least 2 and below replicas " + replicas
                            + " (acks=all producers)");
            assertEquals(6, topic.path("spec").path("partitions").asInt(), topicName + ": partitions");
        }
        for (String topic : topics) {
            assertTrue(
                    declared.containsKey(topic),
                    "no KafkaTopic for " + topic + " (auto-creation is off, so the service using it would fail)");
        }
        assertEquals(
                "compact",
                declared.get(Topics.CATALOG)
                        .path("spec")
                        .path("config")
                        .path("cleanup.policy")
                        .asText(),
                Topics.CATALOG + " must be log-compacted: consumers read the newest record per region");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A ConfigMap or Secret that is neither among the manifests nor generated by an operator: optional, or
     * (a Secret) created per environment with the {@code kubectl create secret generic} command in
     * k8s/README.md; documented there either way.
     */
    static void assertOptionalAndDocumented(JsonNode ref, String kind, String where) {
        String name = ref.path("name").asText();
        boolean createdPerEnvironment =
                kind.equals("Secret") && !createdSecretKeys(name).isEmpty();
        assertTrue(
                ref.path("optional").asBoolean() || createdPerEnvironment,
                where + ": " + kind + " " + name
                        + " is neither among the manifests nor generated by an operator, not optional, and"
                        + " k8s/README.md has no `kubectl create secret generic " + name + "` command for it");
        assertTrue(
                readme.contains(name),
                where + ": the " + kind + " " + name
                        + " must be documented in k8s/README.md (who creates it, with which keys)");
    }

    /**
     * The keys of a Secret created per environment, as the {@code kubectl create secret generic <name>}
     * command in k8s/README.md creates it ({@code --from-literal=KEY=...}, {@code --from-file=KEY=...});
     * empty if the README has no such command.
     */
    static Set<String> createdSecretKeys(String name) {
        String commands = readme.replace("\\\n", " ");
        Matcher command = Pattern.compile("create secret generic " + Pattern.quote(name) + "(?![\\w-])([^\\n]*)")
                .matcher(commands);
        Set<String> keys = new LinkedHashSet<>();
        while (command.find()) {
            Matcher key = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9_.-]+)=")
                    .matcher(command.group(1));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return keys;
    }

    /** A variable's value: literal, from a ConfigMap key, or from a ConfigMap read with envFrom; null otherwise. */
    static String valueOf(JsonNode variable, String name, Map<String, JsonNode> configMaps) {
        if (variable == null) {
            return null;
        }
        if (variable.has("value")) {
            return variable.path("value").asText();
        }
        JsonNode keyRef = variable.path("valueFrom").path("configMapKeyRef");
        if (!keyRef.isMissingNode()) {
            return configMaps
                    .get(keyRef.path("name").asText())
                    .path("data")
                    .path(keyRef.path("key").asText())
                    .asText(null);
        }
        if (variable.has("configMapRef")) {
            String key = name.substring(variable.path("prefix").asText().length());
            return configMaps
                    .get(variable.path("configMapRef").path("name").asText())
                    .path("data")
                    .path(key)
                    .asText(null);
        }
        return null;
    }

    static int brokers(String cluster) {
        return ofKind("KafkaNodePool").stream()
                .filter(p -> belongsTo(p, cluster))
                .filter(p -> stream(p.path("spec").path("roles"))
                        .anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.path("spec").path("replicas").asInt())
                .sum();
    }

    static boolean belongsTo(JsonNode resource, String cluster) {
        return cluster.equals(resource.path("metadata")
                .path("labels")
                .path("strimzi.io/cluster")
                .asText());
    }

    static Map<String, JsonNode> environment(JsonNode deployment) {
        JsonNode container = containers(deployment).get(0);
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            assertTrue(
                    env.put(variable.path("name").asText(), variable) == null,
                    name(deployment) + ": env " + variable.path("name").asText() + " set twice");
        }
        Map<String, JsonNode> configMaps = byName("ConfigMap");
        Map<String, JsonNode> secrets = byName("Secret");
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asText();
            JsonNode map =
                    configMaps.get(source.path("configMapRef").path("name").asText());
            if (map != null) {
                map.path("data").fieldNames().forEachRemaining(k -> env.putIfAbsent(prefix + k, source));
            }
            if (source.has("secretRef")) {
                // A Secret among the manifests, or one k8s/README.md says how to create per environment.
                String secret = source.path("secretRef").path("name").asText();
                Set<String> keys = new LinkedHashSet<>(createdSecretKeys(secret));
                if (secrets.containsKey(secret)) {
                    secrets.get(secret).path("data").fieldNames().forEachRemaining(keys::add);
                    secrets.get(secret).path("stringData").fieldNames().forEachRemaining(keys::add);
                }
                keys.forEach(k -> env.putIfAbsent(prefix + k, source));
            }
        }
        return env;
    }

    static String literal(JsonNode variable, String where) {
        assertNotNull(variable, where + " is not set");
        assertTrue(variable.has("value"), where + " should be a literal value");
        return variable.path("value").asText();
    }

    /** "${DB_URL:jdbc:postgresql://localhost:5432/x}" → "jdbc:postgresql://localhost:5432/x". */
    static String defaultOf(String expression) {
        Matcher m = ENV_EXPRESSION.matcher(expression);
        return m.matches() && m.group(2) != null ? m.group(2).substring(1) : expression;
    }

    static int resolvePort(JsonNode container, String port) {
        if (port.matches("\\d+")) {
            return Integer.parseInt(port);
        }
        return stream(container.path("ports"))
                .filter(p -> port.equals(p.path("name").asText()))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.path("name").asText() + " has no port named " + port));
    }

    /**
     * A service's configuration as it runs: the defaults every service shares (service-kit's
     * microprofile-config.properties), overridden by its own application.properties, with
     * {@code ${quarkus.application.name}} resolved (the dead-letter topics are named after it).
     */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        load(properties, root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        load(properties, root.resolve(service).resolve("src/main/resources/application.properties"));
        String name = properties.getProperty("quarkus.application.name", service);
        for (String key : properties.stringPropertyNames()) {
            properties.setProperty(key, properties.getProperty(key).replace("${quarkus.application.name}", name));
        }
        return properties;
    }

    private static void load(Properties properties, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("([0-9.]+)([KMGT]i?)?").matcher(quantity);
        assertTrue(m.matches(), "cannot read the quantity " + quantity);
        BigDecimal number = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        long factor =
                switch (unit) {
                    case "" -> 1L;
                    case "K" -> 1000L;
                    case "M" -> 1000L * 1000;
                    case "G" -> 1000L * 1000 * 1000;
                    case "T" -> 1000L * 1000 * 1000 * 1000;
                    case "Ki" -> 1L << 10;
                    case "Mi" -> 1L << 20;
                    case "Gi" -> 1L << 30;
                    case "Ti" -> 1L << 40;
                    default -> throw new AssertionError("unknown unit " + unit);
                };
        return number.multiply(BigDecimal.valueOf(factor)).longValue();
    }

    static JsonNode deployment(String name) {
        JsonNode deployment = byName("Deployment").get(name);
        assertNotNull(deployment, "no Deployment " + name);
        return deployment;
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = stream(
                        deployment.path("spec").path("template").path("spec").path("containers"))
                .toList();
        assertFalse(containers.isEmpty(), name(deployment) + " has no containers");
        return containers;
    }

    static JsonNode single(String kind) {
        List<JsonNode> resources = ofKind(kind);
        assertEquals(1, resources.size(), "expected exactly one " + kind);
        return resources.get(0);
    }

    static List<JsonNode> ofKind(String kind) {
        return all.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static Map<String, JsonNode> byName(String kind) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (JsonNode resource : ofKind(kind)) {
            assertTrue(result.put(name(resource), resource) == null, kind + " " + name(resource) + " declared twice");
        }
        return result;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static Map<String, String> labels(JsonNode withMetadata) {
        Map<String, String> labels = new LinkedHashMap<>();
        withMetadata
                .path("metadata")
                .path("labels")
                .fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.size() == 0) {
            return false;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        selector.fields().forEachRemaining(entries::add);
        return entries.stream().allMatch(e -> e.getValue().asText().equals(labels.get(e.getKey())));
    }

    static void assertSelects(JsonNode selector, Map<String, String> labels, String message) {
        assertTrue(selects(selector, labels), message);
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}
