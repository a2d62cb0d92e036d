package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.FakeClassifier;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String YAML = """
            fail-mode: open
            max-input-chars: 5000
            on-oversize: require_approval
            timeout: 750ms
            thresholds:
              blackmail: {flag: 0.3, require-approval: 0.6, block: 0.8}
            tools:
              send_email:
                blackmail: {block: 0.5}
              gmail.send:
                coercion: {flag: off}
            cache: {enabled: true, maximum-size: 50, expire-after-access: 2m}
            audit: {include-raw-text: true}
            """;

    @Test
    void loadsEveryKeyFromYaml() {
        GuardConfig c = GuardConfig.fromYaml(YAML);
        assertEquals(FailMode.OPEN, c.policy().failMode());
        assertEquals(5000, c.policy().maxInputChars());
        assertEquals(Decision.REQUIRE_APPROVAL, c.policy().onOversize());
        assertEquals(Duration.ofMillis(750), c.timeout());
        assertEquals(Threshold.of(0.6), c.policy().levels().get(Category.BLACKMAIL).get(Decision.REQUIRE_APPROVAL));
        assertEquals(Threshold.of(0.5), c.policy().tools().get("send_email").get(Category.BLACKMAIL).get(Decision.BLOCK));
        assertEquals(Threshold.OFF, c.policy().tools().get("gmail.send").get(Category.COERCION).get(Decision.FLAG));
        assertEquals(50, c.cache().maximumSize());
        assertEquals(Duration.ofMinutes(2), c.cache().expireAfterAccess());
        assertTrue(c.auditRawText());
    }

    @Test
    void propertiesAcceptTheSameKeysWithAnOptionalPrefix() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader("""
                alignguard.fail-mode=open
                alignguard.thresholds.blackmail.block=0.8
                tools.send_email.blackmail.block=0.5
                cache.enabled=false
                """));
        GuardConfig c = GuardConfig.fromProperties(p);
        assertEquals(FailMode.OPEN, c.policy().failMode());
        assertEquals(Threshold.of(0.8), c.policy().levels().get(Category.BLACKMAIL).get(Decision.BLOCK));
        assertEquals(Threshold.of(0.5), c.policy().tools().get("send_email").get(Category.BLACKMAIL).get(Decision.BLOCK));
        assertFalse(c.cache().enabled());
    }

    @Test
    void judgeKeysSetTheJudgesScopeInYamlAndProperties() throws IOException {
        GuardConfig yaml = GuardConfig.fromYaml("""
                judge: {enabled: false, categories: "blackmail, self-preservation", tools: "send_email, Gmail.Send",
                        timeout: 3s, max-tokens: 120}
                """);
        Properties p = new Properties();
        p.load(new StringReader("alignguard.judge.categories=coercion\nalignguard.judge.max_tokens=50\n"));
        GuardConfig props = GuardConfig.fromProperties(p);

        assertFalse(yaml.judge().enabled());
        assertEquals(java.util.Set.of(Category.BLACKMAIL, Category.SELF_PRESERVATION), yaml.judge().categories());
        assertEquals(java.util.Set.of("send_email", "Gmail.Send"), yaml.judge().tools());
        assertEquals(Duration.ofSeconds(3), yaml.judge().timeout());
        assertEquals(120, yaml.judge().maxTokens());
        assertTrue(props.judge().enabled());
        assertEquals(java.util.Set.of(Category.COERCION), props.judge().categories());
        assertEquals(50, props.judge().maxTokens());
        assertEquals(GuardConfig.defaults().judge(), GuardConfig.fromYaml("").judge());
    }

    @Test
    void aBadJudgeCategoryIsAnErrorNamingTheKey() {
        assertEquals("judge.categories", assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("judge: {categories: extortion}")).key());
    }

    @Test
    void loadsAFileByItsExtension(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, YAML);
        assertEquals(FailMode.OPEN, GuardConfig.load(f).policy().failMode());
    }

    @Test
    void aMappingThatContainsItselfIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("thresholds: &x\n  b: *x\n"));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
    }

    @Test
    void aTimeoutOverADayIsAConfigErrorNotAnOverflowAtCheckTime() {
        assertEquals("timeout", assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("timeout: 3000000h")).key());
        assertThrows(IllegalArgumentException.class,
                () -> GuardConfig.defaults().withTimeout(java.time.temporal.ChronoUnit.FOREVER.getDuration()));
    }

    @Test
    void unknownKeyIsAnErrorNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("treshold: 0.5"));
        assertEquals("treshold", e.key());
    }

    @Test
    void outOfRangeThresholdIsAnErrorNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("thresholds: {coercion: {block: 1.5}}"));
        assertEquals("thresholds.coercion.block", e.key());
        assertTrue(e.getMessage().contains("1.5"));
    }

    @Test
    void unknownCategoryIsAnErrorNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("thresholds: {extortion: {block: 0.5}}"));
        assertEquals("thresholds.extortion.block", e.key());
    }

    @Test
    void badFailModeIsAnErrorNamingTheKey() {
        assertEquals("fail-mode", assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("fail-mode: sometimes")).key());
    }

    @Test
    void badDurationIsAnErrorNamingTheKey() {
        assertEquals("timeout", assertThrows(ConfigException.class,
                () -> GuardConfig.fromYaml("timeout: soon")).key());
    }

    @Test
    void malformedYamlIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("a: [b"));
        assertTrue(e.getMessage().startsWith("malformed YAML"));
    }

    @Test
    void deeplyNestedYamlIsAClearErrorNotAStackOverflow() {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("a: " + "[".repeat(100_000)));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void aBadEscapeInAQuotedScalarIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("timeout: \"\\u\""));
        assertTrue(e.getMessage().startsWith("malformed YAML"), e.getMessage());
    }

    @Test
    void duplicateYamlKeysAreAnError() {
        assertThrows(ConfigException.class, () -> GuardConfig.fromYaml("timeout: 1s\ntimeout: 2s"));
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> GuardConfig.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().startsWith("config file not found: "), e.getMessage());
    }

    @Test
    void thresholdsOutOfOrderAreRejectedWhenResolvedNamingTheTool() {
        GuardConfig c = GuardConfig.fromYaml("tools: {send_email: {blackmail: {block: 0.2}}}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> c.policy().thresholds("send_email", Category.BLACKMAIL, FakeClassifier.INFO));
        assertEquals("tools.send_email.blackmail", e.key());
    }
}
