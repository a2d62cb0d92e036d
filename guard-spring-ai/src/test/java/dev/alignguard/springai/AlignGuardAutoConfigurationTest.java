package dev.alignguard.springai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.FailMode;
import dev.alignguard.core.Guard;
import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.resolution.StaticToolCallbackResolver;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Boot starter, in a real Spring context, with the marker-scoring FakeClassifier and a stub chat model. */
class AlignGuardAutoConfigurationTest {
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final ApplicationContextRunner runner = runner(FakeClassifier.byMarkers());

    private ApplicationContextRunner runner(Classifier classifier) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AlignGuardAutoConfiguration.class))
                .withBean(Classifier.class, () -> classifier)
                .withBean(AuditSink.class, () -> audit::add);
    }

    private static String chat(AssertableApplicationContext context, StubChatModel model, Object tools) {
        return client(context, model).prompt("tidy up before the migration")
                .toolCallbacks(ToolCallbacks.from(tools)).call().content();
    }

    /** A ChatClient built as Boot builds one: from a builder the customizers have seen. */
    private static ChatClient client(AssertableApplicationContext context, StubChatModel model) {
        ChatClient.Builder builder = ChatClient.builder(model);
        context.getBeanProvider(ChatClientCustomizer.class).orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    @Test
    void theGuardBeanIsBuiltFromAlignguardProperties() {
        runner.withPropertyValues("alignguard.fail-mode=open", "alignguard.tools.send_email.blackmail.flag=0.3",
                "alignguard.tools.send_email.blackmail.require-approval=0.4",
                "alignguard.tools.send_email.blackmail.block=0.6")
                .run(context -> {
                    Guard guard = context.getBean(Guard.class);
                    assertEquals(FailMode.OPEN, guard.policy().failMode());
                    assertEquals(Decision.BLOCK, guard.check(AgentAction.toolCall("send_email",
                            "{\"body\":\"<blackmail=0.65>\"}")).decision());
                    assertEquals(Decision.FLAG, guard.check(AgentAction.toolCall("web_search",
                            "{\"q\":\"<blackmail=0.65>\"}")).decision());
                });
    }

    @Test
    void anInvalidPropertyFailsStartupNamingTheKey() {
        runner.withPropertyValues("alignguard.thresholds.blackmail.block=2").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            assertTrue(rootMessages(failure).contains("alignguard.thresholds.blackmail.block"), rootMessages(failure));
        });
        runner.withPropertyValues("alignguard.fial-mode=open").run(context ->
                assertTrue(rootMessages(context.getStartupFailure()).contains("alignguard.fial-mode"),
                        rootMessages(context.getStartupFailure())));
    }

    @Test
    void everyToolCallOfAChatClientIsGuardedAndTheModelSeesTheRefusal() {
        MailTools mail = new MailTools();
        StubChatModel model = new StubChatModel(
                StubChatModel.call("This is my leverage.", "sendEmail", "{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}"),
                StubChatModel.call(null, "sendEmail", "{\"to\":\"cto\",\"body\":\"handover notes attached\"}"),
                StubChatModel.answer("Sent the handover notes."));
        runner.run(context -> {
            assertEquals("Sent the handover notes.", chat(context, model, mail));
            assertEquals(List.of("handover notes attached"), mail.sent);
            assertTrue(model.toolResultsSeen.get(0).contains("blackmail"), model.toolResultsSeen.toString());
        });
    }

    @Test
    void aFailingClassifierStopsTheToolWithCauseErrorUnderTheDefaultFailMode() {
        MailTools mail = new MailTools();
        StubChatModel model = new StubChatModel(
                StubChatModel.call(null, "sendEmail", "{\"to\":\"cto\",\"body\":\"hello\"}"),
                StubChatModel.answer("I could not send it."));
        runner(new FakeClassifier(t -> {
            throw new ClassifierException("model crashed");
        })).run(context -> {
            ActionBlockedException output = assertThrows(ActionBlockedException.class,
                    () -> chat(context, model, mail));
            assertEquals(Cause.ERROR, output.verdict().cause(), "the final answer is stopped too, as an error");
            assertTrue(mail.sent.isEmpty());
            assertTrue(model.toolResultsSeen.get(0).contains("could not be completed (error)"),
                    model.toolResultsSeen.toString());
            assertEquals(Cause.ERROR, audit.get(0).verdict().cause());
        });
    }

    @Test
    void aBlockedFinalAnswerNeverReachesTheCaller() {
        StubChatModel model = new StubChatModel(StubChatModel.answer("Comply or everyone learns <coercion=0.95>"));
        runner.run(context -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> chat(context, model, new MailTools()));
            assertTrue(causes(e).stream().anyMatch(ActionBlockedException.class::isInstance), e.toString());
        });
    }

    @Test
    void aStreamedConversationsToolCallsAreGuardedAndItsBlockedAnswerIsNeverStreamed() {
        MailTools mail = new MailTools();
        StubChatModel model = new StubChatModel(
                StubChatModel.call(null, "sendEmail", "{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}"),
                StubChatModel.answer("Done. Comply or everyone learns <coercion=0.95>"));
        List<String> received = new CopyOnWriteArrayList<>();
        runner.run(context -> {
            RuntimeException e = assertThrows(RuntimeException.class, () -> client(context, model).prompt("tidy up")
                    .toolCallbacks(ToolCallbacks.from(mail)).stream().content().doOnNext(received::add).blockLast());
            assertTrue(causes(e).stream().anyMatch(ActionBlockedException.class::isInstance), e.toString());
            assertTrue(mail.sent.isEmpty());
            assertTrue(model.toolResultsSeen.get(0).contains("blackmail"), model.toolResultsSeen.toString());
            assertEquals(List.of(), received);
        });
    }

    @Test
    void aToolTheModelCallsByNameIsResolvedThroughTheGuardedResolverBean() {
        MailTools mail = new MailTools();
        StubChatModel model = new StubChatModel(
                StubChatModel.call(null, "sendEmail", "{\"to\":\"cto\",\"body\":\"<blackmail=0.95>\"}"),
                StubChatModel.answer("I could not send it."));
        runner.withBean(MailTools.class, () -> mail).withUserConfiguration(ToolsByName.class).run(context -> {
            assertTrue(context.getBean(ToolCallbackResolver.class) instanceof AlignGuardToolCallbackResolver);
            assertEquals("I could not send it.", client(context, model).prompt("tidy up").call().content());
            assertTrue(mail.sent.isEmpty());
            assertTrue(model.toolResultsSeen.get(0).contains("blackmail"), model.toolResultsSeen.toString());
        });
    }

    /** Tools known only by name, as Spring AI's auto-configuration sets them up, with resolution fallback on. */
    @Configuration(proxyBeanMethods = false)
    static class ToolsByName {
        @Bean
        ToolCallbackResolver toolCallbackResolver(MailTools mail) {
            return new StaticToolCallbackResolver(List.of(ToolCallbacks.from(mail)));
        }

        @Bean
        ToolCallingManager toolCallingManager(ToolCallbackResolver resolver) {
            return ToolCallingManager.builder().toolCallbackResolver(resolver).resolutionFallbackEnabled(true).build();
        }
    }

    @Test
    void theAdapterCanBeSwitchedOffByProperty() {
        runner.withPropertyValues("alignguard.spring-ai.guard-tools=false", "alignguard.spring-ai.check-outputs=false")
                .run(context -> {
                    assertTrue(context.getBeansOfType(ChatClientCustomizer.class).isEmpty());
                    assertTrue(context.getBeansOfType(AlignGuardOutputAdvisor.class).isEmpty());
                    assertNotNull(context.getBean(Guard.class));
                });
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    private static String rootMessages(Throwable t) {
        return causes(t).stream().map(String::valueOf).reduce("", (a, b) -> a + "\n" + b);
    }
}
