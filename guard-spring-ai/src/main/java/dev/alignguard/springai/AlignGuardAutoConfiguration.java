package dev.alignguard.springai;

import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.ConfigException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.audit.AuditSink;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.judge.JudgeModel;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Spring Boot auto-configuration: a {@link Guard} bean built from the {@code alignguard.*} properties (the
 * same keys as the YAML policy, bound by {@link GuardConfig#fromMap}), and a {@link ChatClientCustomizer} that
 * guards every tool call of every auto-configured ChatClient and checks its final answers (called or streamed),
 * and a post-processor that guards the tools your {@link ToolCallbackResolver} bean resolves by name. A
 * {@link Classifier}, {@link AuditSink}, {@link ApprovalHandler} or {@link JudgeModel} bean of your own is used;
 * without a classifier the bundled model is loaded (guard-onnx and guard-model on the class path). With
 * {@code alignguard.judge.enabled=true} the application's {@link ChatModel} judges REQUIRE_APPROVAL verdicts.
 */
@AutoConfiguration
@ConditionalOnClass(Guard.class)
public class AlignGuardAutoConfiguration {
    /** Adapter settings live here; every other {@code alignguard.*} key is a guard setting. */
    static final String ADAPTER_PREFIX = "alignguard.spring-ai.";

    @Bean
    @ConditionalOnMissingBean
    public Guard alignGuard(ConfigurableEnvironment environment, ObjectProvider<Classifier> classifier,
                            ObjectProvider<AuditSink> auditSink, ObjectProvider<ApprovalHandler> approvals,
                            ObjectProvider<JudgeModel> judgeModel, ObjectProvider<ChatModel> chatModel) {
        try {
            Guard.Builder builder = Guard.builder().config(GuardConfig.fromMap(guardProperties(environment)));
            classifier.ifAvailable(builder::classifier);
            auditSink.ifAvailable(builder::auditSink);
            approvals.ifAvailable(builder::approvalHandler);
            boolean judgeOptIn = environment.getProperty("alignguard.judge.enabled", Boolean.class, false);
            JudgeModel judge = judgeModel.getIfAvailable(() -> judgeOptIn ? judgeOf(chatModel) : null);
            if (judge != null) {
                builder.judge(judge); // a JudgeModel bean is used unless alignguard.judge.enabled=false
            }
            return builder.build(); // thresholds out of order for a tool fail here, naming the key
        } catch (ConfigException e) {
            throw new IllegalStateException(e.key().isEmpty() ? "Invalid AlignGuard configuration: " + e.getMessage()
                    : "Invalid AlignGuard property 'alignguard." + e.key() + "': " + e.getMessage(), e);
        }
    }

    /**
     * The application's one ChatModel as the judge, through a ChatClient of its own: the auto-configured
     * ChatClient.Builder carries AlignGuard's advisors, which would check the judge's answers.
     */
    private static JudgeModel judgeOf(ObjectProvider<ChatModel> chatModel) {
        ChatModel model = chatModel.getIfUnique();
        if (model == null) {
            throw new IllegalStateException("alignguard.judge.enabled is true but there is no single ChatModel bean "
                    + "to judge with: define one, or a JudgeModel bean (e.g. SpringAiJudge.of(chatClient))");
        }
        return SpringAiJudge.of(ChatClient.create(model));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "alignguard.spring-ai.check-outputs", havingValue = "true", matchIfMissing = true)
    public AlignGuardOutputAdvisor alignGuardOutputAdvisor(Guard guard) {
        return new AlignGuardOutputAdvisor(guard);
    }

    @Bean
    @ConditionalOnClass(ToolCallingAdvisor.class)
    @ConditionalOnProperty(name = "alignguard.spring-ai.guard-tools", havingValue = "true", matchIfMissing = true)
    public ChatClientCustomizer alignGuardChatClientCustomizer(Guard guard, ConfigurableEnvironment environment,
            ObjectProvider<ToolCallingManager> toolCallingManager, ObjectProvider<AlignGuardOutputAdvisor> outputs) {
        boolean throwOnBlock = environment.getProperty(ADAPTER_PREFIX + "throw-on-block", Boolean.class, false);
        ToolCallingManager manager = new AlignGuardToolCallingManager(guard,
                toolCallingManager.getIfAvailable(() -> ToolCallingManager.builder().build()), throwOnBlock);
        ToolCallingAdvisor tools = ToolCallingAdvisor.builder().toolCallingManager(manager).build();
        return builder -> {
            builder.defaultAdvisors(tools);
            outputs.ifAvailable(builder::defaultAdvisors);
        };
    }

    /**
     * Guards tools resolved by name: Spring AI's {@code ToolCallingManager} bean looks up a tool the model calls
     * that is not attached to the request through the {@link ToolCallbackResolver} bean (when resolution
     * fallback is on), so that bean is wrapped in an {@link AlignGuardToolCallbackResolver}. Static, as a
     * post-processor must be; the guard is created only when a resolver bean is.
     */
    @Bean
    @ConditionalOnProperty(name = "alignguard.spring-ai.guard-tools", havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor alignGuardToolCallbackResolverPostProcessor(ObjectProvider<Guard> guard,
                                                                         Environment environment) {
        return new GuardingToolCallbackResolverPostProcessor(guard,
                environment.getProperty(ADAPTER_PREFIX + "throw-on-block", Boolean.class, false));
    }

    /** Every {@code alignguard.*} property except the adapter's own, without the prefix, highest precedence first. */
    static Map<String, Object> guardProperties(ConfigurableEnvironment environment) {
        Map<String, Object> out = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (name.startsWith("alignguard.") && !name.startsWith(ADAPTER_PREFIX)) {
                    String value = environment.getProperty(name);
                    if (value != null) {
                        out.putIfAbsent(name.substring("alignguard.".length()), value);
                    }
                }
            }
        }
        return out;
    }
}
