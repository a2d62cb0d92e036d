/**
 * Internal, step 5 of the flow: {@link dev.alignguard.core.internal.verdict.CheckRun} is one call of {@code
 * Guard.checkAll} (score the windows of every action's {@link dev.alignguard.core.text.ScoredText} under the
 * deadline, apply the policy, build verdicts with evidence); {@link dev.alignguard.core.internal.verdict.VerdictCache}
 * answers repeated actions whole. Not API: use {@link dev.alignguard.core.Guard}.
 */
package dev.alignguard.core.internal.verdict;
