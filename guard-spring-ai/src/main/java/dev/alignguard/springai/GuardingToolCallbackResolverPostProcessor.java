package dev.alignguard.springai;

import dev.alignguard.core.Guard;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link ToolCallbackResolver} bean in an {@link AlignGuardToolCallbackResolver}, so that Spring AI's
 * {@code ToolCallingManager} bean, built from that resolver, runs tools it resolves by name only after a check.
 * The guard is looked up when the first resolver bean is created, not when this post-processor is.
 */
final class GuardingToolCallbackResolverPostProcessor implements BeanPostProcessor {
    private final ObjectProvider<Guard> guard;
    private final boolean throwOnBlock;

    GuardingToolCallbackResolverPostProcessor(ObjectProvider<Guard> guard, boolean throwOnBlock) {
        this.guard = guard;
        this.throwOnBlock = throwOnBlock;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ToolCallbackResolver resolver && !(bean instanceof AlignGuardToolCallbackResolver)) {
            return new AlignGuardToolCallbackResolver(guard.getObject(), resolver, throwOnBlock);
        }
        return bean;
    }
}
