package bj.gouv.masm.benchmark;

import bj.gouv.masm.MasmApplication;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.security.VerifiedCredentialsCache;
import bj.gouv.masm.shared.performance.EngineIndexesPlugin;
import bj.gouv.masm.shared.performance.AuthorizedGroupIdsPlugin;
import bj.gouv.masm.shared.performance.TaskQueryVariantPlugin;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The REST benchmark (README, "Performance"): boots the application on an embedded PostgreSQL server (its
 * own JVM, its own throw-away database), files ConventionLifecycle dossiers of OSCs and has 8 clients
 * complete the CPS's {@code Task_CheckDossier} over {@code /engine-rest} with HTTP basic as a CPS clerk, as
 * Modeler-era integrations and Tasklist-like clients do; it also reads the clerk's task page (15 tasks of
 * its office sorted by due date, plus the count) with thousands of open dossiers in the database.
 *
 * <pre>
 * ./mvnw -o -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=bj.gouv.masm.benchmark.RestBenchmark -Dexec.args="--compare"
 * </pre>
 *
 * Options: {@code --tasks=N} completions per measured phase (default 1500), {@code --clients=N} (8),
 * {@code --compare} (the same run measures with the verified-credentials cache off, then on, in alternating
 * {@code --rounds=N} (3): with the run-time switches of issue 13 off (credential cache, authorized-groups walk)
 * and on, alternating: completions and {@code --reads=N} (1000) reads of the clerk's profile, the cheapest
 * authenticated request),
 * {@code --open=3000,50000} (grow the open dossiers to each size in turn and measure the task page and
 * completions at each), {@code --page-requests=N} (task page reads per size, default 800),
 * {@code --page-clients=1,8} (measure the task page with each of these numbers of parallel clients: one clerk
 * alone, the latency a clerk sees on a quiet server; eight, the server's throughput; default {@code --clients}),
 * {@code --compare-indexes} (at each size, measure without then with the indexes of EngineIndexesPlugin),
 * {@code --compare-task-query} (at each size, measure with Camunda's task query statements, then with the
 * PostgreSQL variant of TaskQueryVariantPlugin),
 * {@code --db-stats} (PostgreSQL's counters, costliest statements and CPU per completion and per page),
 * {@code --keep-database=DIR} (PostgreSQL's data directory, kept after the run and used again by the next one),
 * {@code --tasklist-page} (also measure what Tasklist sends for the office's queue: the filters with their counts
 * and the filter's first 15 tasks as HAL),
 * {@code --random-page-cost=X} (PostgreSQL's setting; default 1.1 as in docker-compose.yml, 4 is its own default),
 * {@code --out=FILE} (also write the figures as JSON), any {@code --spring.property=value} for the application.
 */
public final class RestBenchmark {

    static final String CLERK = "bench.cps.borgou";
    static final String CLERK_PASSWORD = "Bench-Cps-Borgou-2026!";
    static final String DEPARTMENT = "BORGOU";
    static final String COMPLETE_BODY = """
            {"variables": {"dossierComplete": {"value": true, "type": "Boolean"},
                           "receivedDocuments": {"value": "[\\"STATUTES\\"]", "type": "Json"}}}""";

    private final Map<String, Object> report = new LinkedHashMap<>();
    private ConfigurableApplicationContext context;
    private ProcessEngine engine;
    private String baseUrl;
    private final Map<String, List<Long>> partnersByDepartment = new LinkedHashMap<>();
    private boolean dbStats;
    /** --page-clients: the numbers of parallel clients the task page is measured with (else --clients). */
    private List<Integer> pageClients = List.of();
    /** --tasklist-page: also measure the requests Tasklist itself sends for the office's queue. */
    private boolean tasklistPage;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args.length == 1 ? args[0].trim().split("\\s+") : args) {
            if (arg.isBlank()) {
                continue;
            }
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        // the server settings of docker-compose.yml (data on SSD or in memory)
        builder.setServerConfig("random_page_cost", options.getOrDefault("random-page-cost", "1.1"));
        if (options.containsKey("keep-database")) {
            // a database grown once (tens of thousands of dossiers take a quarter of an hour) and measured again
            builder.setDataDirectory(Path.of(options.get("keep-database"))).setCleanDataDirectory(false);
        }
        if (options.containsKey("db-stats")) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        int code = 1;
        RestBenchmark benchmark = new RestBenchmark();
        try (EmbeddedPostgres postgres = builder.start()) {
            try {
                code = benchmark.run(postgres, options);
            } finally {
                // before the database stops: else the engine's job executor keeps the JVM alive
                if (benchmark.context != null && benchmark.context.isActive()) {
                    benchmark.context.close();
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(code);
    }

    int run(EmbeddedPostgres postgres, Map<String, String> options) throws Exception {
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "1500"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        boolean compare = options.containsKey("compare");
        boolean compareIndexes = options.containsKey("compare-indexes");
        dbStats = options.containsKey("db-stats");
        boolean compareTaskQuery = options.containsKey("compare-task-query");
        int pageRequests = Integer.parseInt(options.getOrDefault("page-requests", "800"));
        tasklistPage = options.containsKey("tasklist-page");
        if (options.containsKey("page-clients")) {
            pageClients = Arrays.stream(options.get("page-clients").split(",")).map(String::trim)
                    .map(Integer::parseInt).toList();
        }
        List<Integer> sizes = options.containsKey("open") ? Arrays.stream(options.get("open").split(","))
                .map(String::trim).map(Integer::parseInt).toList() : List.of();

        long bootStart = System.nanoTime();
        boot(postgres, options);
        machine();
        System.out.printf(Locale.ROOT, "Application started on embedded PostgreSQL in %.1f s (%s)%n",
                (System.nanoTime() - bootStart) / 1e9, load());
        setUp();
        if (dbStats) {
            jdbc().execute("create extension if not exists pg_stat_statements");
        }
        VerifiedCredentialsCache cache = context.getBean(VerifiedCredentialsCache.class);
        Duration cacheTtl = cache.ttl();

        // warm-up: JIT, pools, caches of the engine (not measured)
        fileDossiers(DEPARTMENT, 300, 4);
        completions("warm-up", 300, clients, false);

        if (compare) {
            // off and on alternate in rounds, so that a change of load on a shared machine hits both alike
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
            int reads = Integer.parseInt(options.getOrDefault("reads", "1000"));
            List<Map<String, Object>> off = new ArrayList<>();
            List<Map<String, Object>> onFigures = new ArrayList<>();
            List<Map<String, Object>> readsOff = new ArrayList<>();
            List<Map<String, Object>> readsOn = new ArrayList<>();
            DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getDbSqlSessionFactory();
            Duration on = cacheTtl.isZero() ? Duration.ofSeconds(30) : cacheTtl;
            for (int round = 1; round <= rounds; round++) {
                // off: Camunda's own authentication per request and its whole-table group query per command
                cache.setTtl(Duration.ZERO);
                AuthorizedGroupIdsPlugin.mapStatements(sessions, false);
                readsOff.add(reads("profile reads, off, round " + round, reads, clients));
                cache.setTtl(on);
                AuthorizedGroupIdsPlugin.mapStatements(sessions, true);
                readsOn.add(reads("profile reads, on, round " + round, reads, clients));
                cache.setTtl(Duration.ZERO);
                AuthorizedGroupIdsPlugin.mapStatements(sessions, false);
                fileDossiers(DEPARTMENT, tasks / rounds, 4);
                off.add(measuredCompletions("completions, off, round " + round, tasks / rounds, clients));
                cache.setTtl(on);
                AuthorizedGroupIdsPlugin.mapStatements(sessions, true);
                fileDossiers(DEPARTMENT, tasks / rounds, 4);
                onFigures.add(measuredCompletions("completions, on, round " + round, tasks / rounds, clients));
            }
            report.put("completionsOff", summary("completions, cache and group walk off (all rounds)", "tasks/s", off));
            report.put("completionsOn", summary("completions, cache and group walk on (all rounds)", "tasks/s", onFigures));
            report.put("profileReadsOff", summary("profile reads, off (all rounds)", "requests/s", readsOff));
            report.put("profileReadsOn", summary("profile reads, on (all rounds)", "requests/s", readsOn));
            Map<String, Object> byRound = new LinkedHashMap<>();
            byRound.put("off", off);
            byRound.put("on", onFigures);
            report.put("rounds", byRound);
        } else if (sizes.isEmpty()) {
            fileDossiers(DEPARTMENT, tasks, 4);
            report.put("completions", measuredCompletions("completions", tasks, clients));
        }

        List<Map<String, Object>> scale = new ArrayList<>();
        for (int size : sizes) {
            long missing = size - openDossiers();
            if (missing > 0) {
                long t0 = System.nanoTime();
                fileBackground((int) missing);
                System.out.printf(Locale.ROOT, "%,d open dossiers (%,d filed in %.0f s, %s)%n", openDossiers(), missing,
                        (System.nanoTime() - t0) / 1e9, load());
            }
            jdbc().execute("analyze"); // what autovacuum does on a live database
            Map<String, Object> atSize = new LinkedHashMap<>();
            atSize.put("openDossiers", openDossiers());
            if (compareIndexes) {
                dropEngineIndexes();
                atSize.put("withoutIndexes", atSize(size + ", no index", tasks, pageRequests, clients));
                EngineIndexesPlugin.createIndexes(jdbc().getDataSource(), "");
                jdbc().execute("analyze");
                atSize.put("withIndexes", atSize(size + ", indexes", tasks, pageRequests, clients));
            } else if (compareTaskQuery) {
                DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getDbSqlSessionFactory();
                if (!sessions.getSqlSessionFactory().getConfiguration()
                        .hasStatement(TaskQueryVariantPlugin.STATEMENTS.get("selectTaskByQueryCriteria"))) {
                    throw new IllegalStateException("--compare-task-query: the task query variant is not registered"
                            + " (masm.performance.task-query-variant: false?)");
                }
                TaskQueryVariantPlugin.mapStatements(sessions, false);
                atSize.put("camundaTaskQuery", atSize(size + ", Camunda's task query", tasks, pageRequests, clients));
                TaskQueryVariantPlugin.mapStatements(sessions, true);
                atSize.put("taskQueryVariant", atSize(size + ", task query variant", tasks, pageRequests, clients));
            } else {
                atSize.putAll(atSize(String.valueOf(size), tasks, pageRequests, clients));
            }
            scale.add(atSize);
        }
        if (!scale.isEmpty()) {
            report.put("openDossierSizes", scale);
        }
        removeRaw(report);
        if (options.containsKey("out")) {
            Path out = Path.of(options.get("out"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
            System.out.println("Figures written to " + out.toAbsolutePath());
        }
        context.close();
        return 0;
    }

    private Map<String, Object> atSize(String label, int tasks, int pageRequests, int clients) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int readers : pageClients.isEmpty() ? List.of(clients) : pageClients) {
            warmUpTaskPage(pageRequests, readers);
            figures.put(pageClients.size() > 1 ? "taskPage" + readers + "Clients" : "taskPage", withCost("page",
                    pageRequests, () -> taskPage("task page at " + label + ", " + readers + " client(s)",
                            pageRequests, readers)));
            if (tasklistPage) {
                String what = "Tasklist page at " + label + ", " + readers + " client(s)";
                send(what + " (warm-up)", "pages/s", Math.max(40, pageRequests / 10), readers, tasklistPageRequests(), false);
                figures.put("tasklistPage" + readers + "Clients", withCost("page", pageRequests,
                        () -> send(what, "pages/s", pageRequests, readers, tasklistPageRequests(), true)));
            }
        }
        fileDossiers(DEPARTMENT, tasks, 4);
        figures.put("completions", measuredCompletions("completions at " + label, tasks, clients));
        return figures;
    }

    private Map<String, Object> measuredCompletions(String label, int tasks, int clients) throws Exception {
        return withCost("completion", tasks, () -> completions(label, tasks, clients, true));
    }

    /**
     * A measured step with the CPU it cost per {@code unit} in this JVM and in PostgreSQL and, with
     * {@code --db-stats}, PostgreSQL's work per {@code unit} and its costliest statements.
     */
    private Map<String, Object> withCost(String unit, int count, java.util.concurrent.Callable<Map<String, Object>> step)
            throws Exception {
        Map<String, long[]> before = dbStats ? databaseStatistics() : null;
        if (dbStats) {
            jdbc().execute("select pg_stat_statements_reset()");
        }
        double[] cpuBefore = cpuSeconds();
        Map<String, Object> figures = step.call();
        double[] cpuAfter = cpuSeconds();
        double jvm = (cpuAfter[0] - cpuBefore[0]) * 1000 / count;
        double postgres = (cpuAfter[1] - cpuBefore[1]) * 1000 / count;
        figures.put("jvmCpuMsPer" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1), jvm);
        figures.put("postgresCpuMsPer" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1), postgres);
        System.out.printf(Locale.ROOT, "CPU per %s: %.1f ms in this JVM (server and clients), %.1f ms in PostgreSQL%n",
                unit, jvm, postgres);
        if (dbStats) {
            printDatabaseWork(unit, before, databaseStatistics(), count);
            printCostliestStatements(unit, count);
        }
        return figures;
    }

    /**
     * PostgreSQL's own counters (transactions, and per table: sequential scans, rows they read, index scans,
     * rows written): read around the completions they tell what one completion costs the database, and a
     * sequential scan whose rows grow with the record.
     */
    private Map<String, long[]> databaseStatistics() throws InterruptedException {
        Thread.sleep(1500); // PostgreSQL publishes its counters with a delay of up to 500 ms
        jdbc().execute("select pg_stat_clear_snapshot()");
        Map<String, long[]> statistics = new java.util.TreeMap<>();
        statistics.put("(transactions)", new long[] {jdbc().queryForObject(
                "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()",
                Long.class), 0, 0, 0});
        jdbc().query("select relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0), "
                + "n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables", row -> {
            statistics.put(row.getString(1).toLowerCase(Locale.ROOT), new long[] {row.getLong(2), row.getLong(3),
                    row.getLong(4), row.getLong(5)});
        });
        return statistics;
    }

    /** CPU seconds used so far by this JVM and by the PostgreSQL server's processes (Linux /proc). */
    private static double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        double postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime + stime, in ticks
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            postgres = Double.NaN;
        }
        return new double[] {jvm, postgres};
    }

    /** The statements PostgreSQL spent the most time on during the completions (pg_stat_statements). */
    private void printCostliestStatements(String unit, int completions) {
        System.out.printf("Costliest statements (total ms per %s, calls per %s, rows per call):%n", unit, unit);
        jdbc().query("select total_exec_time + total_plan_time, calls, rows, query from pg_stat_statements"
                + " order by total_exec_time + total_plan_time desc limit 25", row -> {
            System.out.printf(Locale.ROOT, "  %7.3f ms %6.2f calls %8.1f rows  %s%n", row.getDouble(1) / completions,
                    row.getLong(2) / (double) completions, row.getLong(3) / (double) Math.max(1, row.getLong(2)),
                    row.getString(4).replaceAll("\\s+", " ").substring(0, Math.min(230,
                            row.getString(4).replaceAll("\\s+", " ").length())));
        });
    }

    private static void printDatabaseWork(String unit, Map<String, long[]> before, Map<String, long[]> after,
                                          int completions) {
        System.out.printf(Locale.ROOT, "Database work per %s (PostgreSQL counters, %d of them):%n", unit, completions);
        System.out.printf(Locale.ROOT, "  transactions %.2f%n",
                (after.get("(transactions)")[0] - before.get("(transactions)")[0]) / (double) completions);
        System.out.printf(Locale.ROOT, "  %-32s %10s %14s %10s %12s%n", "table", "seq scans", "rows seq-read",
                "idx scans", "rows written");
        after.forEach((table, counts) -> {
            long[] was = before.getOrDefault(table, new long[4]);
            double[] per = new double[4];
            for (int i = 0; i < 4; i++) {
                per[i] = (counts[i] - was[i]) / (double) completions;
            }
            if (!table.startsWith("(") && (per[0] > 0 || per[2] > 0 || per[3] > 0)) {
                System.out.printf(Locale.ROOT, "  %-32s %10.2f %14.1f %10.2f %12.2f%n", table, per[0], per[1], per[2], per[3]);
            }
        });
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
    }

    /** The state before EngineIndexesPlugin: Camunda's schema as it creates it. */
    private void dropEngineIndexes() {
        for (EngineIndexesPlugin.EngineIndex index : EngineIndexesPlugin.INDEXES) {
            jdbc().execute("drop index if exists " + index.name());
        }
    }

    private void boot(EmbeddedPostgres postgres, Map<String, String> options) {
        SpringApplication application = new SpringApplication(MasmApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        List<String> properties = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--MASM_ADMIN_PASSWORD=Benchmark-" + (options.containsKey("keep-database") ? "kept-database"
                        : UUID.randomUUID().toString()) + "-Az9!",
                "--masm.demo.enabled=false",
                "--masm.demo.data-enabled=false",
                "--masm.letters.sender.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.bj.gouv.masm=WARN"));
        options.forEach((key, value) -> {
            if (key.contains(".")) {
                properties.add("--" + key + "=" + value); // e.g. --spring.datasource.hikari.maximum-pool-size=20
            }
        });
        context = application.run(properties.toArray(String[]::new));
        engine = context.getBean(ProcessEngine.class);
        baseUrl = "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    private void machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
        } catch (Exception e) {
            machine.put("cpu", System.getProperty("os.arch"));
        }
        machine.put("java", System.getProperty("java.version"));
        machine.put("postgres", new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                .queryForObject("show server_version", String.class));
        if (context.getBean(javax.sql.DataSource.class) instanceof HikariDataSource hikari) {
            machine.put("connectionPool", hikari.getMaximumPoolSize());
        }
        machine.put("loadAtStart", load());
        report.put("machine", machine);
        System.out.println("Machine: " + machine);
    }

    /** The clerk (CPS Borgou) and partners in every department. */
    private void setUp() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(CLERK).count() > 0) { // --keep-database: set up by an earlier run
            for (String department : context.getBean(bj.gouv.masm.security.process.OfficeGroups.class).departments()) {
                partnersByDepartment.put(department, jdbc().queryForList("select id from partner where name like ?"
                        + " order by id", Long.class, "OSC Banc d'essai " + department + " %"));
            }
            return;
        }
        User user = identity.newUser(CLERK);
        user.setFirstName("Agent");
        user.setLastName("Banc d'essai");
        user.setPassword(CLERK_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(CLERK, Groups.cps(DEPARTMENT));
        PartnerRepository partners = context.getBean(PartnerRepository.class);
        for (String department : context.getBean(bj.gouv.masm.security.process.OfficeGroups.class).departments()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Partner partner = new Partner("OSC Banc d'essai " + department + " " + i, PartnerKind.OSC, "NATIONAL_NGO");
                partner.setRegistrationNumber("BENCH-" + UUID.randomUUID());
                partner.setHeadOfficeDepartment(department);
                partner.setDepartments(Set.of(department));
                partner.setDomains(Set.of("CHILD_PROTECTION"));
                partner.touch("benchmark", OffsetDateTime.now());
                ids.add(partners.saveAndFlush(partner).getId());
            }
            partnersByDepartment.put(department, ids);
        }
    }

    private long openDossiers() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ConventionLifecycle").count();
    }

    /** Files {@code count} dossiers of the department's OSCs (engine Java API, {@code threads} in parallel). */
    private void fileDossiers(String department, int count, int threads) throws Exception {
        List<Long> partners = partnersByDepartment.get(department);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    engine.getRuntimeService().startProcessInstanceByKey("ConventionLifecycle",
                            Map.of("partnerId", partners.get(i % partners.size())));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** Open dossiers spread over all departments (the record the clerk's queries must not pay for). */
    private void fileBackground(int count) throws Exception {
        int perDepartment = count / context.getBean(bj.gouv.masm.security.process.OfficeGroups.class).departments().size();
        int rest = count - perDepartment * context.getBean(bj.gouv.masm.security.process.OfficeGroups.class).departments().size();
        for (String department : context.getBean(bj.gouv.masm.security.process.OfficeGroups.class).departments()) {
            fileDossiers(department, perDepartment + (rest-- > 0 ? 1 : 0), 8);
        }
    }

    /** {@code count} CPS tasks of Borgou completed over /engine-rest by {@code clients} parallel clients. */
    private Map<String, Object> completions(String label, int count, int clients, boolean print) throws Exception {
        List<Task> open = engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.cps(DEPARTMENT))
                .taskDefinitionKey("Task_CheckDossier").orderByTaskCreateTime().desc().listPage(0, count);
        if (open.size() < count) {
            throw new IllegalStateException("only " + open.size() + " open tasks for " + count + " completions");
        }
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>(open.stream().map(Task::getId).toList());
        Measured measured = measure(clients, client -> {
            String id = ids.poll();
            if (id == null) {
                return false;
            }
            HttpResponse<String> response = client.send(post("/engine-rest/task/" + id + "/complete", COMPLETE_BODY),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("completion answered " + response.statusCode() + ": " + response.body());
            }
            return true;
        });
        return measured.print(label, "tasks/s", print);
    }

    /** The cheapest authenticated request (the clerk's own profile): what authentication alone costs. */
    private Map<String, Object> reads(String label, int requests, int clients) throws Exception {
        return gets(label, "requests/s", requests, clients, "/engine-rest/user/" + CLERK + "/profile");
    }

    /** The clerk's task page, as Tasklist asks it: 15 tasks of its office by due date, and their count. */
    private Map<String, Object> taskPage(String label, int requests, int clients) throws Exception {
        return gets(label, "pages/s", requests, clients, taskPagePaths());
    }

    /** Not measured: the statements' plans and the JIT of this size's code paths, before the task page is. */
    private void warmUpTaskPage(int requests, int clients) throws Exception {
        AtomicInteger warmUp = new AtomicInteger(Math.max(40, requests / 10));
        measure(clients, client -> {
            if (warmUp.getAndDecrement() <= 0) {
                return false;
            }
            for (String path : taskPagePaths()) {
                client.send(get(path), HttpResponse.BodyHandlers.discarding());
            }
            return true;
        });
    }

    /** The clerk's Tasklist page: 15 tasks of the office by due date, and their count. */
    private static String[] taskPagePaths() {
        String group = Groups.cps(DEPARTMENT);
        return new String[] {"/engine-rest/task?candidateGroup=" + group
                + "&firstResult=0&maxResults=15&sortBy=dueDate&sortOrder=asc",
                "/engine-rest/task/count?candidateGroup=" + group};
    }

    /**
     * What Tasklist sends when the clerk opens « Tâches de mon service »: the filters with their counts (the
     * side bar) and the first 15 tasks of the filter, most urgent first, as HAL (with the variables the filter
     * shows under each task). Tasklist sends them to the webapps' own path, with a session; over /engine-rest
     * the filter list must be paged (EngineRestQueryLimit).
     */
    private List<java.util.function.Supplier<HttpRequest>> tasklistPageRequests() {
        String serviceFilter = engine.getFilterService().createFilterQuery()
                .filterName(bj.gouv.masm.security.AuthorizationSetup.FILTER_MY_SERVICE_TASKS).singleResult().getId();
        return List.of(
                () -> authorized("/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=50")
                        .header("Accept", "application/json").GET().build(),
                () -> authorized("/engine-rest/filter/" + serviceFilter + "/list?firstResult=0&maxResults=15")
                        .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}")).build());
    }

    /** {@code requests} times the given GETs in a row (one measured step), by {@code clients} in parallel. */
    private Map<String, Object> gets(String label, String unit, int requests, int clients, String... paths)
            throws Exception {
        return send(label, unit, requests, clients,
                Arrays.stream(paths).<java.util.function.Supplier<HttpRequest>>map(path -> () -> get(path)).toList(), true);
    }

    /** {@code requests} times the given requests in a row (one measured step), by {@code clients} in parallel. */
    private Map<String, Object> send(String label, String unit, int requests, int clients,
                                     List<java.util.function.Supplier<HttpRequest>> each, boolean print) throws Exception {
        AtomicInteger remaining = new AtomicInteger(requests);
        Measured measured = measure(clients, client -> {
            if (remaining.getAndDecrement() <= 0) {
                return false;
            }
            for (java.util.function.Supplier<HttpRequest> request : each) {
                HttpRequest built = request.get();
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(built.uri() + " answered " + response.statusCode() + ": "
                            + response.body());
                }
            }
            return true;
        });
        return measured.print(label, unit, print);
    }

    /** All rounds of one setting together: total completions over total time, percentiles of all latencies. */
    private static Map<String, Object> summary(String label, String unit, List<Map<String, Object>> rounds) {
        long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream((long[]) r.get("latenciesNanos"))).sorted().toArray();
        double seconds = rounds.stream().mapToDouble(r -> (Double) r.get("seconds")).sum();
        rounds.forEach(r -> r.remove("latenciesNanos"));
        return new Measured(all, (long) (seconds * 1e9)).print(label, unit, true);
    }

    interface Step {
        boolean run(HttpClient client) throws Exception;
    }

    private Measured measure(int clients, Step step) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (true) {
                    long t0 = System.nanoTime();
                    if (!step.run(client)) {
                        return null;
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Measured(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), elapsed);
    }

    private record Measured(long[] sortedNanos, long elapsedNanos) {
        Map<String, Object> print(String label, String unit, boolean print) {
            double perSecond = sortedNanos.length / (elapsedNanos / 1e9);
            double p50 = percentile(0.50);
            double p95 = percentile(0.95);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("count", sortedNanos.length);
            figures.put("perSecond", Math.round(perSecond * 10) / 10.0);
            figures.put("p50Ms", Math.round(p50 * 10) / 10.0);
            figures.put("p95Ms", Math.round(p95 * 10) / 10.0);
            figures.put("load", load());
            figures.put("seconds", elapsedNanos / 1e9);
            figures.put("latenciesNanos", sortedNanos);
            if (print) {
                System.out.printf(Locale.ROOT, "%-28s %6d in %6.1f s: %7.1f %s, p50 %6.1f ms, p95 %6.1f ms (%s)%n",
                        label, sortedNanos.length, elapsedNanos / 1e9, perSecond, unit, p50, p95, load());
            }
            return figures;
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
        }
    }

    private HttpRequest post(String path, String json) {
        return authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest get(String path) {
        return authorized(path).GET().build();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((CLERK + ":" + CLERK_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static void removeRaw(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.remove("latenciesNanos");
            map.values().forEach(RestBenchmark::removeRaw);
        } else if (value instanceof List<?> list) {
            list.forEach(RestBenchmark::removeRaw);
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "load n/a";
        }
    }
}
