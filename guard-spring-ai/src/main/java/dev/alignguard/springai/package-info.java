/**
 * AlignGuard for Spring AI: {@link dev.alignguard.springai.GuardedToolCallback},
 * {@link dev.alignguard.springai.AlignGuardToolCallingManager} (every tool of a ChatClient),
 * {@link dev.alignguard.springai.AlignGuardToolCallbackResolver} (tools resolved by name),
 * {@link dev.alignguard.springai.AlignGuardOutputAdvisor} (final answers, called or streamed),
 * {@link dev.alignguard.springai.SpringAiJudge} (a ChatClient decides REQUIRE_APPROVAL verdicts) and the Boot
 * auto-configuration.
 */
package dev.alignguard.springai;
