package org.dudao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dudao.support.DudaoTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The button walk: each demo user crawls the screens from the start page, following same-origin links
 * breadth-first (one or two samples per URL pattern, ids and codes folded), and on every page
 *
 * <ul>
 *   <li>the page answers below 500, and a link never leads to a 403 (a link the user may not follow);
 *   <li>no element id appears twice, and no form renders a single-valued control twice (the stray 单位代码
 *       inputs of issue 12);
 *   <li>every write it offers — each POST form per submit button, each htmx post — is sent as a browser would,
 *       with the form's own values, and is not refused with 403 (a button the user may not press), not
 *       answered with 500, and reaches a handler (no 404/405).
 * </ul>
 *
 * Each write runs in a transaction that is rolled back, so the walk leaves the shared demo data as it found
 * it; the audit log row count proves that.
 */
@DudaoTest
class ButtonWalkTest {

    /** The demo users of the README, every role at its node. */
    static final List<String> WALKERS = List.of(
            "school_clerk",
            "school_head",
            "cg_clerk",
            "cg_inspector",
            "qs_director",
            "qs_expert",
            "qs_admin",
            "city_director",
            "city_leader",
            "city_expert",
            "admin");

    /**
     * Writes that commit in transactions of their own, which rolling back cannot undo: the escalation run
     * commits each item on its own (its button is shown by {@code Escalations.canRun}, the rule it enforces).
     */
    static final Set<String> COMMITS_ITSELF = Set.of("/rectification/escalations/run", "/cases/escalations/run");

    static final int MAX_PAGES = 60;
    static final int SAMPLES_PER_PATTERN = 2;
    static final int SENDS_PER_BUTTON = 2;

    private static final Pattern DOWNLOAD =
            Pattern.compile(".*(\\.(xlsx|xls|pdf|docx|csv|zip|json|png|jpe?g)|/export|/template)$");
    private static final Pattern SKIPPED =
            Pattern.compile("^/(logout|api/|webjars/|css/|js/|img/|swagger|v3/|actuator).*");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Clock clock;

    /** The GET patterns of the screens: pages of one pattern are one kind of page. */
    private List<PathPattern> screens;

    /** Every handler's patterns, for folding the targets of writes. */
    private List<PathPattern> handlers;

    private final List<String> failures = new ArrayList<>();

    @Test
    void everyPageIsWellFormedAndEveryButtonItShowsIsAllowed() throws Exception {
        handlers = mappings.getHandlerMethods().keySet().stream()
                .filter(m -> m.getPathPatternsCondition() != null)
                .flatMap(m -> m.getPathPatternsCondition().getPatterns().stream())
                .toList();
        screens = mappings.getHandlerMethods().keySet().stream()
                .filter(m -> m.getMethodsCondition().getMethods().isEmpty()
                        || m.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .filter(m -> m.getPathPatternsCondition() != null)
                .flatMap(m -> m.getPathPatternsCondition().getPatterns().stream())
                .toList();
        long audited = audited();
        Map<String, Walk> walks = new TreeMap<>();
        for (String walker : WALKERS) {
            walks.put(walker, walk(walker));
        }
        walks.forEach((walker, w) -> System.out.printf(
                "button walk %-14s pages %3d, writes %3d %s, skipped %s%n",
                walker, w.pages, w.sent, w.outcomes, w.skipped));
        // the whole trail, for a reader who wants to see what the walk covered
        var trail = new ArrayList<String>();
        walks.forEach((walker, w) -> {
            trail.add("## " + walker);
            trail.addAll(w.trail);
        });
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "button-walk.txt"), trail);
        assertThat(audited()).as("the walk's writes were all rolled back").isEqualTo(audited);
        assertThat(failures).as("pages and buttons that fail their user").isEmpty();
        // the walk cannot pass empty: everyone sees several screens, offices and units press buttons
        walks.forEach((walker, w) -> assertThat(w.pages).as(walker + " pages").isGreaterThanOrEqualTo(15));
        for (String writer : List.of("school_clerk", "cg_clerk", "qs_director", "qs_admin", "admin")) {
            assertThat(walks.get(writer).sent).as(writer + " writes").isGreaterThanOrEqualTo(10);
        }
        assertThat(walks.values().stream().mapToInt(w -> w.pages).sum()).isGreaterThanOrEqualTo(300);
        assertThat(walks.values().stream().mapToInt(w -> w.sent).sum()).isGreaterThanOrEqualTo(150);
    }

    /**
     * Buttons whose writes check the input before the role, so the walk's filled-in values stop at a field error
     * before they could meet the 403: an expert is not offered them, an office is.
     */
    @Test
    void officeButtonsBehindFieldChecksAreOfferedOnlyToThoseAllowed() throws Exception {
        for (String walker : List.of("qs_expert", "city_leader", "qs_director")) {
            boolean office = walker.equals("qs_director");
            Document org = page(walker, "/org");
            assertThat(org.select("a.btn[href=/org/new], a.btn[href=/org/import]"))
                    .as(walker)
                    .hasSize(office ? 2 : 0);
            Document collection = page(walker, "/collection");
            assertThat(collection.select("a.btn[href=/collection/import]"))
                    .as(walker)
                    .hasSize(office ? 1 : 0);
            Document scheme = page(walker, "/schemes/XJXDD");
            assertThat(scheme.select("#clone-submit")).as(walker).hasSize(office ? 1 : 0);
        }
    }

    private Document page(String walker, String url) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.get(url).with(user(users.loadUserByUsername(walker))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(walker + " " + url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(), "");
    }

    /** What one user saw: pages fetched, writes sent, their answers by status, writes not sent and why. */
    static final class Walk {
        int pages;
        int sent;
        final Map<Integer, Integer> outcomes = new TreeMap<>();
        final Set<String> skipped = new HashSet<>();
        final List<String> trail = new ArrayList<>();
    }

    private Walk walk(String walker) throws Exception {
        RequestPostProcessor as = user(users.loadUserByUsername(walker));
        Walk walk = new Walk();
        var queue = new ArrayDeque<String>(List.of("/"));
        var queued = new HashSet<String>(queue);
        var perPattern = new HashMap<String, Integer>();
        var perButton = new HashMap<String, Integer>();
        while (!queue.isEmpty() && walk.pages < MAX_PAGES) {
            String url = queue.poll();
            MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get(uri(url))
                            .accept(MediaType.TEXT_HTML)
                            .with(as))
                    .andReturn()
                    .getResponse();
            walk.pages++;
            int status = page.getStatus();
            walk.trail.add("GET " + url + " → " + status);
            if (status >= 500 || status == 403 || status == 404) {
                failures.add(walker + " GET " + url + " → " + status);
                continue;
            }
            List<String> next = new ArrayList<>();
            if (status / 100 == 3 && page.getRedirectedUrl() != null) {
                next.add(page.getRedirectedUrl());
            }
            String type = page.getContentType();
            Document doc = null;
            if (status == 200 && type != null && type.startsWith("text/html")) {
                doc = Jsoup.parse(page.getContentAsString(), "http://localhost" + url);
                check(walker, url, doc);
                doc.select("a[href]").forEach(a -> next.add(a.absUrl("href")));
            }
            for (String link : next) {
                String local = local(link);
                if (local != null
                        && queued.add(local)
                        && perPattern.merge(pattern(local, screens), 1, Integer::sum) <= SAMPLES_PER_PATTERN) {
                    queue.add(local);
                }
            }
            if (doc != null) {
                for (PageForms.Submission s : PageForms.submissions(
                        doc, "http://localhost" + url, LocalDate.now(clock).plusDays(30))) {
                    String target = sameOrigin(s.url());
                    // one field's htmx check stands for all of them; a form's buttons are told apart by their labels
                    String key = s.method() + " " + (target == null ? s.url() : pattern(target, handlers))
                            + (s.htmx() ? "" : " " + s.label().replaceAll("\\d+", "#"));
                    if (perButton.merge(key, 1, Integer::sum) > SENDS_PER_BUTTON) {
                        continue;
                    }
                    send(walker, as, url, s, target, walk);
                }
            }
        }
        return walk;
    }

    private void check(String walker, String url, Document doc) {
        for (String id : PageForms.duplicateIds(doc)) {
            failures.add(walker + " GET " + url + ": id \"" + id + "\" twice");
        }
        for (String control : PageForms.duplicateControls(doc)) {
            failures.add(walker + " GET " + url + ": control rendered twice: " + control);
        }
    }

    private void send(
            String walker, RequestPostProcessor as, String from, PageForms.Submission s, String target, Walk walk) {
        String what = walker + " on " + from + ": " + s.method().toUpperCase() + " " + s.url() + " (" + s.label() + ")";
        if (target == null) {
            failures.add(what + " leaves the site");
            return;
        }
        URI u = URI.create(target);
        String path = u.getPath();
        if (path.equals("/logout") || (u.getQuery() != null && u.getQuery().matches("(.*&)?lang=.*"))) {
            walk.skipped.add("sign-out/language");
            return;
        }
        if (COMMITS_ITSELF.contains(path)) {
            walk.skipped.add(path);
            return;
        }
        MockHttpServletRequestBuilder request;
        if (s.multipart()) {
            var upload = MockMvcRequestBuilders.multipart(
                    HttpMethod.valueOf(s.method().toUpperCase()), uri(target));
            // no file chosen: a browser sends an empty part
            s.files()
                    .forEach(name ->
                            upload.file(new MockMultipartFile(name, "", "application/octet-stream", new byte[0])));
            request = upload;
        } else {
            request = MockMvcRequestBuilders.request(
                            HttpMethod.valueOf(s.method().toUpperCase()), uri(target))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        s.params().forEach(p -> request.param(p.getKey(), p.getValue()));
        request.accept(MediaType.TEXT_HTML).with(as).with(csrf());
        if (s.htmx()) {
            request.header("HX-Request", "true");
        }
        int status = rolledBack(request);
        walk.sent++;
        walk.trail.add("  " + s.method().toUpperCase() + " " + target + " (" + s.label() + ") → " + status);
        walk.outcomes.merge(status, 1, Integer::sum);
        if (status >= 500 || status == 403 || status == 404 || status == 405) {
            failures.add(what + " → " + status);
        }
    }

    /** Sends the write in a transaction of the test's own that the app's transactions join, then undoes it. */
    private int rolledBack(MockHttpServletRequestBuilder request) {
        Integer status = tx.execute(t -> {
            t.setRollbackOnly();
            try {
                return mvc.perform(request).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return status;
    }

    private long audited() {
        return jdbc.queryForObject("select count(*) from audit_log", Long.class);
    }

    /** The path and query of a same-origin page worth fetching, or null (other sites, downloads, sign-out). */
    private static String local(String absolute) {
        String local = sameOrigin(absolute);
        if (local == null) {
            return null;
        }
        URI u = URI.create(local);
        boolean language = u.getRawQuery() != null && u.getRawQuery().matches("(.*&)?lang=.*");
        if (language
                || SKIPPED.matcher(u.getRawPath()).matches()
                || DOWNLOAD.matcher(u.getRawPath()).matches()) {
            return null;
        }
        return local;
    }

    /** The path and query of a URL of this site, or null. */
    private static String sameOrigin(String absolute) {
        if (absolute == null || absolute.isEmpty()) {
            return null;
        }
        URI u;
        try {
            u = URI.create(absolute.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            u = UriComponentsBuilder.fromUriString(absolute).build().encode().toUri();
        }
        if (u.getHost() != null && !u.getHost().equals("localhost")) {
            return null;
        }
        if (u.getScheme() != null && !u.getScheme().startsWith("http")) {
            return null;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** The handler's pattern of the URL, with the names of its query parameters: pages of one kind share it. */
    private static String pattern(String local, List<PathPattern> patterns) {
        URI u = URI.create(local);
        PathContainer path = PathContainer.parsePath(u.getRawPath());
        StringBuilder p = new StringBuilder(patterns.stream()
                .filter(s -> s.matches(path))
                .min(PathPattern.SPECIFICITY_COMPARATOR)
                .map(PathPattern::getPatternString)
                .orElse(u.getRawPath()));
        if (u.getRawQuery() != null) {
            var names = new java.util.TreeSet<String>();
            for (String pair : u.getRawQuery().split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
            p.append('?').append(String.join("&", names));
        }
        return p.toString();
    }

    private static URI uri(String local) {
        return URI.create(local);
    }
}
